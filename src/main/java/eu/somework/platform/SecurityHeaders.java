package eu.somework.platform;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * Headers on every response. Only the registered platforms may frame the tool and receive its
 * forms ({@link ContentSecurityPolicy}); scripts and styles come from the tool's own origin, and
 * session tokens in URLs never leak through Referer. A resource that sets its own
 * Content-Security-Policy keeps it.
 */
@Provider
public class SecurityHeaders implements ContainerResponseFilter {
  @Inject ContentSecurityPolicy policy;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    var h = response.getHeaders();
    h.putSingle("X-Content-Type-Options", "nosniff");
    h.putSingle("Referrer-Policy", "no-referrer");
    if (!h.containsKey("Content-Security-Policy")) {
      h.putSingle("Content-Security-Policy", policy.forToolPages());
    }
  }

  /**
   * The policy of a page that frames the tool itself (the simulator's page): framed by nobody but
   * itself, posting forms only to itself.
   *
   * @param frameSources the sources its page may show in iframes
   */
  public static String policyFraming(String frameSources) {
    return ContentSecurityPolicy.policy(frameSources, List.of(), List.of());
  }
}

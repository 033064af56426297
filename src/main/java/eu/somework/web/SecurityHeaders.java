package eu.somework.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Headers on every response. The tool is framed by LMSs of any origin, so framing stays open
 * (frame-ancestors *); scripts, styles and forms are limited to the tool's own origin except form
 * posts back to platforms (deep-linking return, login), and session tokens in URLs never leak
 * through Referer.
 */
@Provider
public class SecurityHeaders implements ContainerResponseFilter {
  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    var h = response.getHeaders();
    h.putSingle("X-Content-Type-Options", "nosniff");
    h.putSingle("Referrer-Policy", "no-referrer");
    if (!h.containsKey("Content-Security-Policy")) {
      h.putSingle("Content-Security-Policy", policyFraming("'self'"));
    }
  }

  /** The tool's policy, with the sources its page may show in iframes (e.g. the simulator's tool frame). */
  public static String policyFraming(String frameSources) {
    return "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none';"
        + " base-uri 'none'; frame-ancestors *; frame-src " + frameSources;
  }
}

package eu.somework.access;

import eu.somework.session.AdminOnly;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * How the access filter checks an {@link AdminOnly} request: the administrators' console session
 * or API token. Implemented by the administrators' feature (so the filter stays the one place
 * where access is decided, without depending on that feature).
 */
public interface AdminGate {

  /**
   * The gate's answer.
   *
   * @param refusal the response to answer with instead of the resource (401, 429, a redirect to
   *     the sign-in page); empty when the request is admitted
   * @param csrfToken for an admitted console session: the token its state-changing requests must
   *     carry in the form field {@code csrf}; empty for the API (a Bearer token is no ambient
   *     credential a foreign page could use)
   */
  record Admission(Optional<Response> refusal, Optional<String> csrfToken) {
    public static Admission refused(Response response) {
      return new Admission(Optional.of(response), Optional.empty());
    }

    public static Admission admitted(Optional<String> csrfToken) {
      return new Admission(Optional.empty(), csrfToken);
    }
  }

  /**
   * Checks the request's administrator credentials.
   *
   * @param clientAddress the socket's remote address, for the limit on failed attempts
   */
  Admission admit(ContainerRequestContext request, AdminOnly rule, String clientAddress);

  /** The answer to a console form posted without its session's CSRF token (403). */
  Response csrfRefused(ContainerRequestContext request);
}

package eu.somework.launch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Finds the tool session of a request: the {@code s} parameter of a link or form, or the
 * {@code X-SomeWork-Session} / {@code Authorization: Bearer} header of a script's request.
 */
@ApplicationScoped
public class SessionResolver {
  public static final String PARAM = "s";
  public static final String HEADER = "X-SomeWork-Session";

  @Inject SessionTokens tokens;

  public ToolSession require(String param, HttpHeaders headers) {
    String token = param;
    if ((token == null || token.isBlank()) && headers != null) {
      token = headers.getHeaderString(HEADER);
      String auth = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
      if ((token == null || token.isBlank()) && auth != null && auth.startsWith("Bearer ")) {
        token = auth.substring(7).trim();
      }
    }
    return tokens.verify(token).orElseThrow(() -> new NotAuthorizedException(
        "Your session has expired or is not valid. Open the activity again from your course.", "Bearer"));
  }

  public String token(ToolSession session) {
    return tokens.issue(session);
  }
}

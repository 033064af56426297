package eu.somework.lti.ags;

import eu.somework.lti.LtiException;
import eu.somework.lti.ServiceCall;
import eu.somework.lti.ServiceJson;
import eu.somework.lti.ServiceResult;
import eu.somework.lti.ServiceToken;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result service of AGS 2.0 (§3.3): what the gradebook holds on a line item. GET on the line
 * item's {@code /results} URL (see {@link LineItemUrls#results}) with Accept
 * {@value AgsMediaType#RESULT_CONTAINER}, following {@code rel="next"} pages. Immutable and
 * thread-safe.
 */
public final class ResultClient {
  /** Pages read at most. */
  public static final int MAX_PAGES = 50;
  private final ServiceCall call;

  public ResultClient(ServiceCall call) {
    this.call = call;
  }

  /**
   * The results of the line item, for one learner when {@code userId} is given.
   *
   * @param token an access token with {@link AgsScope#RESULT_READONLY}
   * @throws LtiException {@code SERVICE_ENDPOINT_REFUSED} for a URL that is not https outside
   *     loopback; {@code SERVICE_ANSWER_INVALID} for an answer that is not an array of results
   */
  public ServiceResult<List<LineItemResult>> results(ServiceToken token, URI lineItem, Optional<String> userId)
      throws LtiException {
    URI url = LineItemUrls.results(lineItem);
    if (userId.isPresent()) {
      String param = "user_id=" + URLEncoder.encode(userId.get(), StandardCharsets.UTF_8);
      url = URI.create(url + (url.getRawQuery() == null ? "?" : "&") + param);
    }
    return call.getPages(url, token, AgsMediaType.RESULT_CONTAINER, MAX_PAGES).map(pages -> {
      List<LineItemResult> results = new ArrayList<>();
      for (ServiceCall.Answer page : pages) {
        for (Map<String, Object> json : ServiceJson.arrayOfObjects(page.text(), "result container")) {
          results.add(LineItemResult.fromJson(json));
        }
      }
      return List.copyOf(results);
    });
  }
}

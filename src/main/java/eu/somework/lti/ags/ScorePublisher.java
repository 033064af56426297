package eu.somework.lti.ags;

import eu.somework.lti.LtiException;
import eu.somework.lti.ServiceCall;
import eu.somework.lti.ServiceResult;
import eu.somework.lti.ServiceToken;
import java.net.URI;

/**
 * The score publish service of AGS 2.0 (§3.4): POSTs a {@link Score} to the line item's
 * {@code /scores} URL (see {@link LineItemUrls#scores}) with Content-Type
 * {@value AgsMediaType#SCORE}. The answer's body is not read. Immutable and thread-safe.
 */
public final class ScorePublisher {
  private final ServiceCall call;

  public ScorePublisher(ServiceCall call) {
    this.call = call;
  }

  /**
   * Publishes {@code score} on the line item at {@code lineItem}.
   *
   * @param token an access token with {@link AgsScope#SCORE}
   * @return delivered (any 2xx; the value is null), retry later (timeout, connection error, 408,
   *     429, 5xx), failed (other 4xx with the platform's status and reason — Moodle: 400 "Incorrect
   *     score received", 409 for a timestamp not newer than the stored one), token rejected (401)
   * @throws LtiException {@code SERVICE_ENDPOINT_REFUSED} when the URL is not https outside loopback
   */
  public ServiceResult<Void> publish(ServiceToken token, URI lineItem, Score score) throws LtiException {
    return call.send("POST", LineItemUrls.scores(lineItem), token, null, AgsMediaType.SCORE, score.toJson(), false)
        .map(answer -> null);
  }
}

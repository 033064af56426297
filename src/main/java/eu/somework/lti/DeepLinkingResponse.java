package eu.somework.lti;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The tool's answer to a deep-linking request (Deep Linking 2.0 §4.5): a JWT signed with the
 * tool's key, iss = our client id, aud = the platform, with the chosen items — or an error
 * message — posted by the browser to deep_link_return_url.
 */
public final class DeepLinkingResponse {
  private final Clock clock;

  public DeepLinkingResponse(Clock clock) {
    this.clock = clock;
  }

  /** An ltiResourceLink content item (Deep Linking 2.0 §3.4.1), optionally with a gradebook column. */
  public record ResourceLinkItem(String title, Optional<String> text, Map<String, String> custom,
      Optional<LineItem> lineItem) {
    public ResourceLinkItem {
      custom = Map.copyOf(custom);
    }
  }

  /**
   * The lineItem of a content item: the platform creates the gradebook column from it. With a
   * {@code submissionReview}, the platform offers to open a learner's submission in the tool
   * (LTI Submission Review Service 1.0 §3).
   */
  public record LineItem(double scoreMaximum, String label, String resourceId, String tag,
      Optional<SubmissionReview> submissionReview) {
    /** A line item without submission review. */
    public LineItem(double scoreMaximum, String label, String resourceId, String tag) {
      this(scoreMaximum, label, resourceId, tag, Optional.empty());
    }
  }

  /** Where and to whom the response goes; taken from the request. */
  public record Request(String clientId, String platformIssuer, String deploymentId, Optional<String> data) {}

  public String items(RSAKey toolKey, Request request, List<ResourceLinkItem> items, Optional<String> message) {
    List<Map<String, Object>> contentItems = new ArrayList<>();
    for (ResourceLinkItem item : items) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("type", "ltiResourceLink");
      json.put("title", item.title());
      item.text().ifPresent(t -> json.put("text", t));
      if (!item.custom().isEmpty()) {
        json.put("custom", new LinkedHashMap<>(item.custom()));
      }
      item.lineItem().ifPresent(li -> {
        Map<String, Object> lineItem = new LinkedHashMap<>();
        lineItem.put("scoreMaximum", li.scoreMaximum());
        lineItem.put("label", li.label());
        lineItem.put("resourceId", li.resourceId());
        lineItem.put("tag", li.tag());
        li.submissionReview().ifPresent(review -> lineItem.put("submissionReview", review.toJson()));
        json.put("lineItem", lineItem);
      });
      contentItems.add(json);
    }
    JWTClaimsSet.Builder claims = base(request).claim(LtiClaim.DL_CONTENT_ITEMS, contentItems);
    message.ifPresent(m -> claims.claim(LtiClaim.DL_MSG, m));
    return sign(toolKey, claims.build());
  }

  /** An answer that tells the platform why nothing could be returned. */
  public String error(RSAKey toolKey, Request request, String userMessage, String log) {
    return sign(toolKey, base(request)
        .claim(LtiClaim.DL_CONTENT_ITEMS, List.of())
        .claim(LtiClaim.DL_ERROR_MSG, userMessage)
        .claim(LtiClaim.DL_ERROR_LOG, log)
        .build());
  }

  private JWTClaimsSet.Builder base(Request request) {
    Instant now = clock.instant();
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
        .issuer(request.clientId())
        .audience(request.platformIssuer())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
        .jwtID(UUID.randomUUID().toString())
        .claim("nonce", UUID.randomUUID().toString())
        .claim(LtiClaim.DEPLOYMENT_ID, request.deploymentId())
        .claim(LtiClaim.MESSAGE_TYPE, "LtiDeepLinkingResponse")
        .claim(LtiClaim.VERSION, LtiClaim.LTI_VERSION);
    request.data().ifPresent(d -> claims.claim(LtiClaim.DL_DATA, d));
    return claims;
  }

  private static String sign(RSAKey key, JWTClaimsSet claims) {
    return Rs256Signer.sign(key, claims);
  }
}

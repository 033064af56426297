package eu.somework.lti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The signed LtiDeepLinkingResponse (Deep Linking 2.0 §4.5) a platform receives from the tool. */
class DeepLinkingResponseTest {
  static final Instant NOW = Instant.parse("2026-01-12T10:00:00Z");
  static final RSAKey TOOL_KEY = generate();
  final DeepLinkingResponse responses = new DeepLinkingResponse(Clock.fixed(NOW, ZoneOffset.UTC));
  final DeepLinkingResponse.Request request = new DeepLinkingResponse.Request(
      "client-7", "https://moodle.example.org", "3", Optional.of("opaque-data-42"));

  static RSAKey generate() {
    try {
      return new RSAKeyGenerator(2048).keyID("tool-k1").generate();
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  JWTClaimsSet verified(String jwt) throws Exception {
    SignedJWT signed = SignedJWT.parse(jwt);
    assertEquals("RS256", signed.getHeader().getAlgorithm().getName());
    assertEquals("tool-k1", signed.getHeader().getKeyID());
    assertTrue(signed.verify(new RSASSAVerifier(TOOL_KEY.toPublicJWK())), "verifies with the published key");
    return signed.getJWTClaimsSet();
  }

  @Test
  void itemsResponseCarriesWhatThePlatformChecks() throws Exception {
    DeepLinkingResponse.ResourceLinkItem graded = new DeepLinkingResponse.ResourceLinkItem("Data protection",
        Optional.of("GDPR at work"), Map.of("unit", "data-protection"),
        Optional.of(new DeepLinkingResponse.LineItem(14, "Data protection", "data-protection", "reflection")));
    DeepLinkingResponse.ResourceLinkItem ungraded = new DeepLinkingResponse.ResourceLinkItem("Networks",
        Optional.empty(), Map.of("unit", "networks-and-learning"), Optional.empty());

    JWTClaimsSet claims = verified(responses.items(TOOL_KEY, request, List.of(graded, ungraded), Optional.of("2 added")));

    assertEquals("client-7", claims.getIssuer());
    assertEquals(List.of("https://moodle.example.org"), claims.getAudience());
    assertEquals("3", claims.getClaim(LtiClaim.DEPLOYMENT_ID));
    assertEquals("LtiDeepLinkingResponse", claims.getClaim(LtiClaim.MESSAGE_TYPE));
    assertEquals("1.3.0", claims.getClaim(LtiClaim.VERSION));
    assertEquals("opaque-data-42", claims.getClaim(LtiClaim.DL_DATA));
    assertNotNull(claims.getClaim("nonce"));
    assertEquals(NOW, claims.getIssueTime().toInstant());
    assertTrue(claims.getExpirationTime().toInstant().isAfter(NOW));
    assertEquals("2 added", claims.getClaim(LtiClaim.DL_MSG));
    List<Object> items = claims.getListClaim(LtiClaim.DL_CONTENT_ITEMS);
    assertEquals(2, items.size());
    Map<?, ?> first = (Map<?, ?>) items.get(0);
    assertEquals("ltiResourceLink", first.get("type"));
    assertEquals("Data protection", first.get("title"));
    assertEquals("GDPR at work", first.get("text"));
    assertEquals(Map.of("unit", "data-protection"), first.get("custom"));
    Map<?, ?> lineItem = (Map<?, ?>) first.get("lineItem");
    assertEquals(14.0, ((Number) lineItem.get("scoreMaximum")).doubleValue());
    assertEquals("data-protection", lineItem.get("resourceId"));
    assertEquals("reflection", lineItem.get("tag"));
    assertFalse(((Map<?, ?>) items.get(1)).containsKey("lineItem"), "an ungraded unit has no gradebook column");
  }

  @Test
  void lineItemAdvertisesSubmissionReview() throws Exception {
    // LTI Submission Review Service 1.0 §3: the line item's submissionReview makes the platform offer a review
    SubmissionReview review = new SubmissionReview(
        List.of("Submitted", "Completed"), Optional.of("Open the reflection"), Optional.empty(), Map.of());
    DeepLinkingResponse.ResourceLinkItem graded = new DeepLinkingResponse.ResourceLinkItem("Data protection",
        Optional.empty(), Map.of("unit", "data-protection"),
        Optional.of(new DeepLinkingResponse.LineItem(14, "Data protection", "data-protection", "reflection",
            Optional.of(review))));

    Map<?, ?> item = (Map<?, ?>) verified(responses.items(TOOL_KEY, request, List.of(graded), Optional.empty()))
        .getListClaim(LtiClaim.DL_CONTENT_ITEMS).get(0);

    Map<?, ?> submissionReview = (Map<?, ?>) ((Map<?, ?>) item.get("lineItem")).get("submissionReview");
    assertEquals(List.of("Submitted", "Completed"), submissionReview.get("reviewableStatus"));
    assertEquals("Open the reflection", submissionReview.get("label"));
    assertFalse(submissionReview.containsKey("url"), "no url: the review launches the link itself");
    assertFalse(submissionReview.containsKey("custom"));
  }

  @Test
  void lineItemWithoutReviewHasNoSubmissionReview() throws Exception {
    DeepLinkingResponse.ResourceLinkItem graded = new DeepLinkingResponse.ResourceLinkItem("Data protection",
        Optional.empty(), Map.of(), Optional.of(new DeepLinkingResponse.LineItem(14, "D", "d", "reflection")));
    Map<?, ?> item = (Map<?, ?>) verified(responses.items(TOOL_KEY, request, List.of(graded), Optional.empty()))
        .getListClaim(LtiClaim.DL_CONTENT_ITEMS).get(0);
    assertFalse(((Map<?, ?>) item.get("lineItem")).containsKey("submissionReview"));
  }

  @Test
  void requestWithoutDataGetsNoDataClaim() throws Exception {
    DeepLinkingResponse.Request noData = new DeepLinkingResponse.Request("c", "https://p", "1", Optional.empty());
    assertEquals(null, verified(responses.items(TOOL_KEY, noData, List.of(), Optional.empty())).getClaim(LtiClaim.DL_DATA));
  }

  @Test
  void errorResponseTellsThePlatformWhy() throws Exception {
    JWTClaimsSet claims = verified(responses.error(TOOL_KEY, request, "Cannot provide that", "accept_types"));
    assertEquals("Cannot provide that", claims.getClaim(LtiClaim.DL_ERROR_MSG));
    assertEquals("accept_types", claims.getClaim(LtiClaim.DL_ERROR_LOG));
    assertEquals(List.of(), claims.getListClaim(LtiClaim.DL_CONTENT_ITEMS));
    assertEquals("opaque-data-42", claims.getClaim(LtiClaim.DL_DATA));
  }
}

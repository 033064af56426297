package eu.somework.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import eu.somework.lti.LtiClaim;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The simulator's launches carry the AGS and NRPS claims as Moodle sends them. */
class IdTokenFactoryTest {
  final SimulatedPlatform platform = new SimulatedPlatform("http://localhost:8080");
  final IdTokenFactory factory = new IdTokenFactory(platform, Clock.fixed(Instant.parse("2026-02-02T08:00:00Z"), ZoneOffset.UTC));

  Map<String, Object> claims(Optional<SimLineItem> lineItem) throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("k").generate();
    SimResourceLink link = new SimResourceLink("rl-1", "Unit 1", null, null, lineItem.map(SimLineItem::id).orElse(null), Instant.EPOCH);
    String token = factory.resourceLinkLaunch(key, DemoCourse.PEOPLE.get(0), link, "n-1", "en", lineItem);
    return SignedJWT.parse(token).getJWTClaimsSet().getClaims();
  }

  @Test
  void aLinkWithAGradebookColumnNamesItsMoodleStyleLineItem() throws Exception {
    SimLineItem item = new SimLineItem("li-1", "Unit 1", 10, null, null, "rl-1", Instant.EPOCH);
    @SuppressWarnings("unchecked")
    Map<String, Object> ags = (Map<String, Object>) claims(Optional.of(item)).get(LtiClaim.AGS_ENDPOINT);
    assertEquals("http://localhost:8080/simulator/ags/demo-course-101/lineitems/li-1/lineitem?type_id=1", ags.get("lineitem"));
    assertEquals("http://localhost:8080/simulator/ags/demo-course-101/lineitems?type_id=1", ags.get("lineitems"));
    assertEquals(List.of("https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
        "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
        "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
        "https://purl.imsglobal.org/spec/lti-ags/scope/score"), ags.get("scope"));
  }

  @Test
  void aLinkWithoutAColumnHasNoLineItemButTheContainerAndTheRoster() throws Exception {
    Map<String, Object> claims = claims(Optional.empty());
    @SuppressWarnings("unchecked")
    Map<String, Object> ags = (Map<String, Object>) claims.get(LtiClaim.AGS_ENDPOINT);
    assertEquals(null, ags.get("lineitem"));
    assertEquals(Map.of("context_memberships_url", "http://localhost:8080/simulator/nrps/demo-course-101",
        "service_versions", List.of("2.0")), claims.get(LtiClaim.NRPS));
  }
}

package eu.somework.lti;

import static eu.somework.lti.LtiAssertions.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Certification-style inputs: every claim and claim field the tool reads, fed with each JSON type
 * it must not have. Each is a clear 400 naming the claim (never an unchecked exception, which the
 * web layer would turn into a 500); a null is "absent", and a number is accepted where an id or
 * text may be numeric.
 */
class LaunchClaimTypesTest {
  static final Instant NOW = Instant.parse("2025-03-03T09:15:00Z");
  static final String NONCE = "n-7d21c4";
  static final TestPlatform platform = TestPlatform.withFreshKey();
  static final String DL = LtiClaim.DEEP_LINKING_SETTINGS;

  final LaunchValidator validator = new LaunchValidator(
      platform.keySource(), new InMemoryNonceRegistry(), Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(60));

  /** What a claim (or a field of an object claim, "claim|field") must hold. */
  enum Kind { STRING, TEXT, OBJECT, STRING_ARRAY, FLAG, CUSTOM_VALUE }

  static final Map<String, Kind> CLAIMS = new java.util.LinkedHashMap<>();

  static {
    CLAIMS.put(LtiClaim.DEPLOYMENT_ID, Kind.STRING);
    CLAIMS.put(LtiClaim.VERSION, Kind.STRING);
    CLAIMS.put(LtiClaim.MESSAGE_TYPE, Kind.STRING);
    CLAIMS.put(LtiClaim.TARGET_LINK_URI, Kind.STRING);
    CLAIMS.put("name", Kind.STRING);
    CLAIMS.put("given_name", Kind.STRING);
    CLAIMS.put("family_name", Kind.STRING);
    CLAIMS.put(LtiClaim.ROLES, Kind.STRING_ARRAY);
    CLAIMS.put(LtiClaim.CONTEXT, Kind.OBJECT);
    CLAIMS.put(LtiClaim.CONTEXT + "|id", Kind.TEXT);
    CLAIMS.put(LtiClaim.CONTEXT + "|label", Kind.TEXT);
    CLAIMS.put(LtiClaim.CONTEXT + "|title", Kind.TEXT);
    CLAIMS.put(LtiClaim.RESOURCE_LINK, Kind.OBJECT);
    CLAIMS.put(LtiClaim.RESOURCE_LINK + "|id", Kind.TEXT);
    CLAIMS.put(LtiClaim.RESOURCE_LINK + "|title", Kind.TEXT);
    CLAIMS.put(LtiClaim.LAUNCH_PRESENTATION, Kind.OBJECT);
    CLAIMS.put(LtiClaim.LAUNCH_PRESENTATION + "|locale", Kind.TEXT);
    CLAIMS.put(LtiClaim.LAUNCH_PRESENTATION + "|return_url", Kind.TEXT);
    CLAIMS.put(LtiClaim.CUSTOM, Kind.OBJECT);
    CLAIMS.put(LtiClaim.CUSTOM + "|unit", Kind.CUSTOM_VALUE);
    CLAIMS.put(LtiClaim.AGS_ENDPOINT, Kind.OBJECT);
    CLAIMS.put(LtiClaim.AGS_ENDPOINT + "|scope", Kind.STRING_ARRAY);
    CLAIMS.put(LtiClaim.AGS_ENDPOINT + "|lineitems", Kind.TEXT);
    CLAIMS.put(LtiClaim.AGS_ENDPOINT + "|lineitem", Kind.TEXT);
    CLAIMS.put(LtiClaim.NRPS, Kind.OBJECT);
    CLAIMS.put(LtiClaim.NRPS + "|context_memberships_url", Kind.TEXT);
    CLAIMS.put(DL, Kind.OBJECT);
    CLAIMS.put(DL + "|deep_link_return_url", Kind.TEXT);
    CLAIMS.put(DL + "|accept_types", Kind.STRING_ARRAY);
    CLAIMS.put(DL + "|accept_presentation_document_targets", Kind.STRING_ARRAY);
    CLAIMS.put(DL + "|accept_multiple", Kind.FLAG);
    CLAIMS.put(DL + "|accept_lineitem", Kind.FLAG);
    CLAIMS.put(DL + "|auto_create", Kind.FLAG);
    CLAIMS.put(DL + "|title", Kind.TEXT);
    CLAIMS.put(DL + "|text", Kind.TEXT);
    CLAIMS.put(DL + "|data", Kind.TEXT);
  }

  static List<Object> wrongValuesFor(Kind kind) {
    Object number = 7;
    Object object = Map.of("a", "b");
    Object array = List.of("x");
    Object arrayWithNull = Arrays.asList("x", null);
    return switch (kind) {
      case STRING -> List.of(number, true, object, array, arrayWithNull);
      case TEXT -> List.of(true, object, array);
      case OBJECT -> List.of(number, "text", true, array, arrayWithNull);
      case STRING_ARRAY -> List.of(number, "text", true, object, arrayWithNull, List.of("x", 7));
      case FLAG -> List.of(number, "maybe", object, array);
      // LTI Core §5.4.3: custom values are strings; numbers and booleans are taken as their text
      case CUSTOM_VALUE -> List.of(object, array);
    };
  }

  static Stream<Arguments> wrongTypes() {
    return CLAIMS.entrySet().stream().flatMap(e -> wrongValuesFor(e.getValue()).stream()
        .map(v -> Arguments.of(e.getKey(), v)));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("wrongTypes")
  void aClaimOfTheWrongJsonTypeIsA400NamingIt(String path, Object value) {
    LtiException e = assertThrows(LtiException.class, () -> accept(with(path, value)));

    String name = path.contains("|") ? path.substring(path.indexOf('|') + 1) : path;
    assertRejected(e, LtiFailure.CLAIM_INVALID, name);
    assertEquals(400, e.httpStatus());
  }

  static Stream<Arguments> absentOptionalClaims() {
    return CLAIMS.keySet().stream()
        .filter(p -> !List.of(LtiClaim.DEPLOYMENT_ID, LtiClaim.VERSION, LtiClaim.MESSAGE_TYPE,
            LtiClaim.TARGET_LINK_URI, LtiClaim.ROLES, LtiClaim.RESOURCE_LINK, LtiClaim.RESOURCE_LINK + "|id",
            LtiClaim.CONTEXT + "|id", DL, DL + "|deep_link_return_url").contains(p))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0} = null")
  @MethodSource("absentOptionalClaims")
  void nullInAnOptionalClaimCountsAsAbsent(String path) throws LtiException {
    accept(with(path, null));
  }

  static Stream<Arguments> absentRequiredClaims() {
    return Stream.of(
        Arguments.of(LtiClaim.DEPLOYMENT_ID, LtiFailure.DEPLOYMENT_MISSING, "no deployment_id"),
        Arguments.of(LtiClaim.VERSION, LtiFailure.WRONG_VERSION, "not 1.3.0"),
        Arguments.of(LtiClaim.MESSAGE_TYPE, LtiFailure.UNSUPPORTED_MESSAGE_TYPE, "message type"),
        Arguments.of(LtiClaim.TARGET_LINK_URI, LtiFailure.CLAIM_INVALID, "no target_link_uri"),
        Arguments.of(LtiClaim.ROLES, LtiFailure.CLAIM_INVALID, "no roles claim"),
        Arguments.of(LtiClaim.RESOURCE_LINK, LtiFailure.RESOURCE_LINK_MISSING, "no resource_link id"),
        Arguments.of(LtiClaim.RESOURCE_LINK + "|id", LtiFailure.RESOURCE_LINK_MISSING, "no resource_link id"),
        Arguments.of(LtiClaim.CONTEXT + "|id", LtiFailure.CLAIM_INVALID, "context claim has no id"),
        Arguments.of(DL, LtiFailure.DEEP_LINK_RETURN_URL_MISSING, "no deep_linking_settings claim"),
        Arguments.of(DL + "|deep_link_return_url", LtiFailure.DEEP_LINK_RETURN_URL_MISSING,
            "no deep_link_return_url"));
  }

  @ParameterizedTest(name = "{0} = null")
  @MethodSource("absentRequiredClaims")
  void nullInARequiredClaimIsRefusedAsMissing(String path, LtiFailure failure, String message) {
    assertRejected(assertThrows(LtiException.class, () -> accept(with(path, null))), failure, message);
  }

  static Stream<Arguments> numericText() {
    return CLAIMS.entrySet().stream().filter(e -> e.getValue() == Kind.TEXT)
        .filter(e -> !e.getKey().endsWith("|deep_link_return_url"))
        .map(e -> Arguments.of(e.getKey()));
  }

  @ParameterizedTest(name = "{0} = 17")
  @MethodSource("numericText")
  void aNumberWhereTextIsExpectedIsReadAsText(String path) throws LtiException {
    accept(with(path, 17));
  }

  /** The security claims the validator reads before the LTI claims: wrong types are refused too. */
  static Stream<Arguments> securityClaims() {
    return Stream.of(
        Arguments.of("sub", Map.of("id", "u"), LtiFailure.MALFORMED_TOKEN),
        Arguments.of("sub", List.of("u"), LtiFailure.MALFORMED_TOKEN),
        Arguments.of("sub", true, LtiFailure.MALFORMED_TOKEN),
        Arguments.of("iss", 7, LtiFailure.MALFORMED_TOKEN),
        Arguments.of("iss", Map.of("a", "b"), LtiFailure.MALFORMED_TOKEN),
        Arguments.of("aud", 7, LtiFailure.WRONG_AUDIENCE),
        Arguments.of("aud", Map.of("a", "b"), LtiFailure.WRONG_AUDIENCE),
        Arguments.of("exp", "tomorrow", LtiFailure.MALFORMED_TOKEN),
        Arguments.of("iat", List.of(1), LtiFailure.MALFORMED_TOKEN),
        Arguments.of("nonce", 7, LtiFailure.NONCE_MISSING),
        Arguments.of("nonce", List.of(NONCE), LtiFailure.NONCE_MISSING),
        Arguments.of("azp", 7, LtiFailure.WRONG_AUTHORIZED_PARTY),
        Arguments.of("azp", List.of(TestPlatform.CLIENT_ID), LtiFailure.WRONG_AUTHORIZED_PARTY));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("securityClaims")
  void aSecurityClaimOfTheWrongJsonTypeIsA4xx(String claim, Object value, LtiFailure failure) {
    LtiException e = assertThrows(LtiException.class, () -> accept(with(claim, value)));

    assertEquals(failure, e.failure(), e.getMessage());
  }

  // --- helpers ---

  JWTClaimsSet.Builder base(String path) {
    JWTClaimsSet.Builder claims = platform.resourceLinkLaunch(NOW, NONCE)
        .claim(LtiClaim.AGS_ENDPOINT, Map.of("scope", List.of("https://purl.imsglobal.org/spec/lti-ags/scope/score"),
            "lineitems", "https://moodle.example.org/li", "lineitem", "https://moodle.example.org/li/5"))
        .claim(LtiClaim.NRPS, Map.of("context_memberships_url", "https://moodle.example.org/m/17"));
    if (path.startsWith(DL)) {
      Map<String, Object> settings = new HashMap<>();
      settings.put("deep_link_return_url", "https://moodle.example.org/return");
      settings.put("accept_types", List.of("ltiResourceLink"));
      settings.put("accept_presentation_document_targets", List.of("iframe"));
      settings.put("accept_multiple", false);
      settings.put("accept_lineitem", true);
      settings.put("auto_create", "false");
      settings.put("title", "Add a unit");
      settings.put("text", "Pick one");
      settings.put("data", "op=1");
      claims.claim(LtiClaim.MESSAGE_TYPE, "LtiDeepLinkingRequest")
          .claim(LtiClaim.RESOURCE_LINK, null)
          .claim(DL, settings);
    }
    return claims;
  }

  /** The valid launch with one claim (or one field of an object claim) set to {@code value}. */
  @SuppressWarnings("unchecked")
  JWTClaimsSet.Builder with(String path, Object value) {
    JWTClaimsSet.Builder claims = base(path);
    int bar = path.indexOf('|');
    if (bar < 0) {
      return claims.claim(path, value);
    }
    String claim = path.substring(0, bar);
    Map<String, Object> object = new HashMap<>((Map<String, Object>) claims.build().getClaim(claim));
    object.put(path.substring(bar + 1), value);
    return claims.claim(claim, object);
  }

  LtiLaunch accept(JWTClaimsSet.Builder claims) throws LtiException {
    return validator.validate(platform.sign(claims), platform.registration(), NONCE, TestPlatform.TARGET);
  }

}

package eu.somework.simulator;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import eu.somework.lti.LtiClaim;
import eu.somework.lti.Rs256Signer;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds and signs the id_token of a simulated launch, with the claims Moodle sends. */
final class IdTokenFactory {
  /** The AGS scopes of a launch, in Moodle's order. */
  private static final List<String> AGS_SCOPES = List.of("https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
      "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
      "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
      "https://purl.imsglobal.org/spec/lti-ags/scope/score");
  private final SimulatedPlatform platform;
  private final SimClient client;
  private final Clock clock;

  /** Launches as the simulator's built-in registration. */
  IdTokenFactory(SimulatedPlatform platform, Clock clock) {
    this(platform, SimClient.builtIn(platform), clock);
  }

  /** Launches as {@code client}: its id is the token's aud, its deployment the deployment claim. */
  IdTokenFactory(SimulatedPlatform platform, SimClient client, Clock clock) {
    this.platform = platform;
    this.client = client;
    this.clock = clock;
  }

  String resourceLinkLaunch(RSAKey key, DemoCourse.Person person, SimResourceLink link, String nonce,
      String locale, java.util.Optional<SimLineItem> lineItem) {
    return sign(key, linkClaims(person, link, nonce, locale, lineItem, "LtiResourceLinkRequest").build());
  }

  private JWTClaimsSet.Builder linkClaims(DemoCourse.Person person, SimResourceLink link, String nonce, String locale,
      java.util.Optional<SimLineItem> lineItem, String messageType) {
    JWTClaimsSet.Builder claims = common(person, nonce, locale, messageType)
        .claim(LtiClaim.TARGET_LINK_URI, client.targetLinkUri())
        .claim(LtiClaim.RESOURCE_LINK, map("id", link.id(), "title", link.title(),
            "description", link.description().orElse("")))
        .claim(LtiClaim.CUSTOM, custom(link));
    Map<String, Object> ags = new LinkedHashMap<>();
    // what Moodle offers with "Use this service for grade sync and column management"
    // (a dynamically registered tool: those of them it was granted)
    ags.put("scope", AGS_SCOPES.stream().filter(client.scopes()::contains).toList());
    ags.put("lineitems", platform.lineItemsUrl());
    lineItem.ifPresent(li -> ags.put("lineitem", platform.lineItemUrl(li.id())));
    return claims.claim(LtiClaim.AGS_ENDPOINT, ags);
  }

  /**
   * A submission review request (LTI Submission Review Service 1.0 §2): the link's launch, with
   * the message type, the line item in the AGS claim and {@code for_user} naming whose submission
   * the tool is to show: its id and, for a person of the demo course, names and roles.
   */
  String submissionReviewRequest(RSAKey key, DemoCourse.Person person, SimResourceLink link, SimLineItem lineItem,
      String forUserId, String nonce, String locale) {
    Map<String, Object> forUser = map("user_id", forUserId);
    DemoCourse.person(forUserId).ifPresent(p -> forUser.putAll(map("given_name", p.givenName(),
        "family_name", p.familyName(), "name", p.name(), "roles", p.ltiRoles())));
    return sign(key, linkClaims(person, link, nonce, locale, java.util.Optional.of(lineItem),
            SimLaunch.SUBMISSION_REVIEW)
        .claim(LtiClaim.FOR_USER, forUser)
        .build());
  }

  String deepLinkingRequest(RSAKey key, DemoCourse.Person person, String nonce, String locale, String data) {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("deep_link_return_url", platform.deepLinkReturnUrl());
    settings.put("accept_types", List.of("ltiResourceLink"));
    settings.put("accept_presentation_document_targets", List.of("iframe", "window"));
    settings.put("accept_multiple", true);
    settings.put("accept_lineitem", true);
    settings.put("auto_create", true);
    settings.put("title", "Add SoMe@Work units");
    settings.put("data", data);
    return sign(key, common(person, nonce, locale, "LtiDeepLinkingRequest")
        .claim(LtiClaim.TARGET_LINK_URI, client.targetLinkUri())
        .claim(LtiClaim.DEEP_LINKING_SETTINGS, settings)
        .build());
  }

  private JWTClaimsSet.Builder common(DemoCourse.Person person, String nonce, String locale, String type) {
    Instant now = clock.instant();
    return new JWTClaimsSet.Builder()
        .issuer(platform.issuer())
        .audience(client.clientId())
        .subject(person.id())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(60)))
        .claim("nonce", nonce)
        .claim("name", person.name())
        .claim("given_name", person.givenName())
        .claim("family_name", person.familyName())
        .claim(LtiClaim.DEPLOYMENT_ID, client.deploymentId())
        .claim(LtiClaim.MESSAGE_TYPE, type)
        .claim(LtiClaim.VERSION, LtiClaim.LTI_VERSION)
        .claim(LtiClaim.ROLES, person.ltiRoles())
        .claim(LtiClaim.CONTEXT, map("id", DemoCourse.CONTEXT_ID, "label", DemoCourse.CONTEXT_LABEL,
            "title", DemoCourse.CONTEXT_TITLE, "type", List.of("http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering")))
        .claim(LtiClaim.TOOL_PLATFORM, map("product_family_code", "somework-simulator", "version", "1",
            "guid", platform.issuer(), "name", "SoMe@Work platform simulator"))
        .claim(LtiClaim.LAUNCH_PRESENTATION, map("locale", locale, "document_target", "iframe",
            "return_url", platform.issuer()))
        .claim(LtiClaim.NRPS, map("context_memberships_url", platform.membershipsUrl(),
            "service_versions", List.of("2.0")));
  }

  private static Map<String, Object> custom(SimResourceLink link) {
    if (link.customJson().isEmpty()) {
      return Map.of();
    }
    try {
      return JSONObjectUtils.parse(link.customJson().get());
    } catch (ParseException e) {
      return Map.of();
    }
  }

  static String sign(RSAKey key, JWTClaimsSet claims) {
    return Rs256Signer.sign(key, claims);
  }

  static Map<String, Object> map(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }

  static String newNonce() {
    return UUID.randomUUID().toString();
  }
}

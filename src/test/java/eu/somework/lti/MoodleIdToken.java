package eu.somework.lti;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The claims of a resource-link launch as Moodle 4.x sends them, in Moodle's order and shapes:
 * names, LIS, roles, context, resource link, tool platform, launch presentation, AGS and NRPS
 * endpoints. One description for the JMH benchmark ({@link #claims}: a teacher of an example Moodle,
 * e-mail shared, a graded link; about 4.3 KB signed with RS256, like Moodle's 2–6 KB) and the load
 * driver's platform ({@link #student}: a student of the driver's own Moodle).
 */
public final class MoodleIdToken {
  static final String ISSUER = "https://moodle.example.edu";
  static final String CLIENT_ID = "kQ9vXy2LmN4pR7s";
  static final String DEPLOYMENT_ID = "1";
  static final String NONCE = "n-3q9VJm2kXwP8rT5yLc0aHf7uGd1sNb";

  private static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";

  private MoodleIdToken() {}

  /** The Moodle a launch comes from: its issuer, the tool's client id and deployment there, its name. */
  private record Site(String issuer, String clientId, String deploymentId, String guid, String name,
      String description) {}

  /** Who launches, and whether the link is graded (basic outcome, line item and a custom parameter). */
  private record Person(String sub, String username, String givenName, String familyName, String email,
      List<String> roles, String locale, boolean graded) {}

  /** The benchmark's token: teacher Aino Virtanen of the example Moodle, nonce {@value #NONCE}. */
  static JWTClaimsSet claims(Instant issuedAt, Duration lifetime) {
    Site site = new Site(ISSUER, CLIENT_ID, DEPLOYMENT_ID, "moodle.example.edu", "Example University Moodle",
        "Example University — learning environment");
    Person teacher = new Person("41", "aino.virtanen", "Aino", "Virtanen", "aino.virtanen@example.edu", List.of(
        "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator",
        "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor",
        "http://purl.imsglobal.org/vocab/lis/v2/system/person#Administrator"), "fi", true);
    return claims(site, teacher, NONCE, "https://somework.example.edu/lti/launch", issuedAt, lifetime);
  }

  /**
   * A student's launch from the Moodle at {@code issuer} (named "Load driver Moodle"), as its
   * auth.php signs it with names shared and e-mail not: user {@code userId} ("Bench Learner
   * {@code userId}"), course 27, resource link 318, English.
   *
   * @param nonce the nonce of the tool's login redirect
   * @param targetLinkUri the URI the platform posts the id_token to
   * @param lifetime from {@code issuedAt} to {@code exp} (Moodle: 60 s)
   */
  public static JWTClaimsSet student(String issuer, String clientId, String deploymentId, String userId,
      String nonce, String targetLinkUri, Instant issuedAt, Duration lifetime) {
    Site site = new Site(issuer, clientId, deploymentId, java.net.URI.create(issuer).getHost(), "Load driver Moodle",
        "Load driver Moodle");
    Person student = new Person(userId, userId, "Bench", "Learner " + userId, null, List.of(LEARNER), "en", false);
    return claims(site, student, nonce, targetLinkUri, issuedAt, lifetime);
  }

  private static JWTClaimsSet claims(Site site, Person person, String nonce, String targetLinkUri, Instant issuedAt,
      Duration lifetime) {
    String base = site.issuer() + "/mod/lti";
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("id", "27");
    context.put("label", "SMW-2025");
    context.put("title", "Social media at work (autumn 2025)");
    context.put("type", List.of("CourseSection"));
    Map<String, Object> resourceLink = new LinkedHashMap<>();
    resourceLink.put("title", "Unit 2: Data protection at work");
    resourceLink.put("description", "<p>Read the unit and write your reflection by Friday.</p>");
    resourceLink.put("id", "318");
    Map<String, Object> presentation = new LinkedHashMap<>();
    presentation.put("locale", person.locale());
    presentation.put("document_target", "iframe");
    presentation.put("return_url", base + "/return.php?course=27&launch_container=3&instanceid=318"
        + "&sesskey=Zq8tUfLx0b");
    Map<String, Object> platform = new LinkedHashMap<>();
    platform.put("product_family_code", "moodle");
    platform.put("version", "2024100702");
    platform.put("guid", site.guid());
    platform.put("name", site.name());
    platform.put("description", site.description());
    Map<String, Object> ags = new LinkedHashMap<>();
    ags.put("scope", List.of("https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
        "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
        "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
        "https://purl.imsglobal.org/spec/lti-ags/scope/score"));
    ags.put("lineitems", base + "/services.php/27/lineitems?type_id=6");
    if (person.graded()) {
      ags.put("lineitem", base + "/services.php/27/lineitems/112/lineitem?type_id=6");
    }
    Map<String, Object> nrps = new LinkedHashMap<>();
    nrps.put("context_memberships_url", base + "/services.php/CourseSection/27/bindings/6/memberships");
    nrps.put("service_versions", List.of("1.0", "2.0"));
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
        .claim("nonce", nonce)
        .issueTime(Date.from(issuedAt))
        .expirationTime(Date.from(issuedAt.plus(lifetime)))
        .issuer(site.issuer())
        .audience(site.clientId())
        .claim(LtiClaim.DEPLOYMENT_ID, site.deploymentId())
        .claim(LtiClaim.TARGET_LINK_URI, targetLinkUri)
        .subject(person.sub())
        .claim(LtiClaim.LIS, Map.of("person_sourcedid", "", "course_section_sourcedid", ""))
        .claim(LtiClaim.ROLES, person.roles())
        .claim(LtiClaim.CONTEXT, context)
        .claim(LtiClaim.MESSAGE_TYPE, "LtiResourceLinkRequest")
        .claim(LtiClaim.RESOURCE_LINK, resourceLink);
    if (person.graded()) {
      Map<String, Object> outcome = new LinkedHashMap<>();
      outcome.put("lis_result_sourcedid", "{\"data\":{\"instanceid\":\"318\",\"userid\":\"" + person.sub()
          + "\",\"typeid\":\"6\",\"launchid\":1897342211},"
          + "\"hash\":\"3f0c9a51b7e2d84c6a09f1e5b2d7c3a8e4f6b1d09c2a7e5f3b8d1c6a4e9f2b07\"}");
      outcome.put("lis_outcome_service_url", base + "/service.php");
      claims.claim("https://purl.imsglobal.org/spec/lti-bo/claim/basicoutcome", outcome);
    }
    claims.claim("given_name", person.givenName())
        .claim("family_name", person.familyName())
        .claim("name", person.givenName() + " " + person.familyName())
        .claim("https://purl.imsglobal.org/spec/lti/claim/ext", Map.of("user_username", person.username(),
            "lms", "moodle-2"));
    if (person.email() != null) {
      claims.claim("email", person.email());
    }
    claims.claim(LtiClaim.LAUNCH_PRESENTATION, presentation)
        .claim(LtiClaim.TOOL_PLATFORM, platform)
        .claim(LtiClaim.VERSION, LtiClaim.LTI_VERSION);
    if (person.graded()) {
      claims.claim(LtiClaim.CUSTOM, Map.of("unit", "data-protection"));
    }
    return claims.claim(LtiClaim.AGS_ENDPOINT, ags)
        .claim(LtiClaim.NRPS, nrps)
        .build();
  }
}

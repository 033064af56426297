package eu.somework.lti;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The claims of a resource-link launch as Moodle 4.x sends them for a teacher: names and e-mail,
 * three role URIs, LIS and basic-outcome claims, tool platform, launch presentation, custom, AGS
 * and NRPS endpoints. Serialised and signed with RS256 it is about 4.3 KB, like Moodle's (2–6 KB).
 */
final class MoodleIdToken {
  static final String ISSUER = "https://moodle.example.edu";
  static final String CLIENT_ID = "kQ9vXy2LmN4pR7s";
  static final String DEPLOYMENT_ID = "1";
  static final String NONCE = "n-3q9VJm2kXwP8rT5yLc0aHf7uGd1sNb";

  private MoodleIdToken() {}

  static JWTClaimsSet claims(Instant issuedAt, Duration lifetime) {
    String base = ISSUER + "/mod/lti";
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("id", "27");
    context.put("label", "SMW-2025");
    context.put("title", "Social media at work (autumn 2025)");
    context.put("type", List.of("CourseSection"));
    Map<String, Object> resourceLink = new LinkedHashMap<>();
    resourceLink.put("title", "Unit 2: Data protection at work");
    resourceLink.put("description", "<p>Read the unit and write your reflection by Friday.</p>");
    resourceLink.put("id", "318");
    Map<String, Object> outcome = new LinkedHashMap<>();
    outcome.put("lis_result_sourcedid", "{\"data\":{\"instanceid\":\"318\",\"userid\":\"41\",\"typeid\":\"6\","
        + "\"launchid\":1897342211},\"hash\":\"3f0c9a51b7e2d84c6a09f1e5b2d7c3a8e4f6b1d09c2a7e5f3b8d1c6a4e9f2b07\"}");
    outcome.put("lis_outcome_service_url", base + "/service.php");
    Map<String, Object> presentation = new LinkedHashMap<>();
    presentation.put("locale", "fi");
    presentation.put("document_target", "iframe");
    presentation.put("return_url", base + "/return.php?course=27&launch_container=3&instanceid=318"
        + "&sesskey=Zq8tUfLx0b");
    Map<String, Object> platform = new LinkedHashMap<>();
    platform.put("product_family_code", "moodle");
    platform.put("version", "2024100702");
    platform.put("guid", "moodle.example.edu");
    platform.put("name", "Example University Moodle");
    platform.put("description", "Example University — learning environment");
    Map<String, Object> ags = new LinkedHashMap<>();
    ags.put("scope", List.of("https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
        "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
        "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
        "https://purl.imsglobal.org/spec/lti-ags/scope/score"));
    ags.put("lineitems", base + "/services.php/27/lineitems?type_id=6");
    ags.put("lineitem", base + "/services.php/27/lineitems/112/lineitem?type_id=6");
    Map<String, Object> nrps = new LinkedHashMap<>();
    nrps.put("context_memberships_url", base + "/services.php/CourseSection/27/bindings/6/memberships");
    nrps.put("service_versions", List.of("1.0", "2.0"));
    return new JWTClaimsSet.Builder()
        .claim("nonce", NONCE)
        .issueTime(Date.from(issuedAt))
        .expirationTime(Date.from(issuedAt.plus(lifetime)))
        .issuer(ISSUER)
        .audience(CLIENT_ID)
        .claim(LtiClaim.DEPLOYMENT_ID, DEPLOYMENT_ID)
        .claim(LtiClaim.TARGET_LINK_URI, "https://somework.example.edu/lti/launch")
        .subject("41")
        .claim(LtiClaim.LIS, Map.of("person_sourcedid", "", "course_section_sourcedid", ""))
        .claim(LtiClaim.ROLES, List.of(
            "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator",
            "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor",
            "http://purl.imsglobal.org/vocab/lis/v2/system/person#Administrator"))
        .claim(LtiClaim.CONTEXT, context)
        .claim(LtiClaim.MESSAGE_TYPE, "LtiResourceLinkRequest")
        .claim(LtiClaim.RESOURCE_LINK, resourceLink)
        .claim("https://purl.imsglobal.org/spec/lti-bo/claim/basicoutcome", outcome)
        .claim("given_name", "Aino")
        .claim("family_name", "Virtanen")
        .claim("name", "Aino Virtanen")
        .claim("https://purl.imsglobal.org/spec/lti/claim/ext", Map.of("user_username", "aino.virtanen",
            "lms", "moodle-2"))
        .claim("email", "aino.virtanen@example.edu")
        .claim(LtiClaim.LAUNCH_PRESENTATION, presentation)
        .claim(LtiClaim.TOOL_PLATFORM, platform)
        .claim(LtiClaim.VERSION, LtiClaim.LTI_VERSION)
        .claim(LtiClaim.CUSTOM, Map.of("unit", "data-protection"))
        .claim(LtiClaim.AGS_ENDPOINT, ags)
        .claim(LtiClaim.NRPS, nrps)
        .build();
  }
}

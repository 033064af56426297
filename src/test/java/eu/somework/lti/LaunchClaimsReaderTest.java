package eu.somework.lti;

import static eu.somework.lti.LtiAssertions.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The LTI claims of a launch whose signature and security checks pass (LTI Core §5.3–5.4, Deep
 * Linking §4.4): what the tool reads from them, and which launch it refuses.
 */
class LaunchClaimsReaderTest {
  static final Instant NOW = Instant.parse("2025-03-03T09:15:00Z");
  static final String NONCE = "n-51aa0e";
  static final TestPlatform platform = TestPlatform.withFreshKey();

  final LaunchValidator validator = new LaunchValidator(
      platform.keySource(), new InMemoryNonceRegistry(), Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(60));

  JWTClaimsSet.Builder valid() {
    return platform.resourceLinkLaunch(NOW, NONCE);
  }

  JWTClaimsSet.Builder deepLinking(Map<String, Object> settings) {
    return valid()
        .claim(LtiClaim.MESSAGE_TYPE, "LtiDeepLinkingRequest")
        .claim(LtiClaim.RESOURCE_LINK, null)
        .claim(LtiClaim.ROLES, List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"))
        .claim(LtiClaim.DEEP_LINKING_SETTINGS, settings);
  }

  LtiLaunch accept(JWTClaimsSet.Builder claims) throws LtiException {
    return validator.validate(platform.sign(claims), platform.registration(), NONCE, TestPlatform.TARGET);
  }

  LtiException reject(JWTClaimsSet.Builder claims) {
    return assertThrows(LtiException.class, () -> accept(claims));
  }

  @Test
  void everyFieldOfAValidLaunchIsRead() throws LtiException {
    LtiLaunch launch = accept(valid()
        .claim(LtiClaim.AGS_ENDPOINT, Map.of(
            "scope", List.of("https://purl.imsglobal.org/spec/lti-ags/scope/score"),
            "lineitems", "https://moodle.example.org/mod/lti/services.php/17/lineitems",
            "lineitem", "https://moodle.example.org/mod/lti/services.php/17/lineitems/5/lineitem"))
        .claim(LtiClaim.NRPS, Map.of("context_memberships_url", "https://moodle.example.org/m/17")));

    assertEquals(TestPlatform.ISSUER, launch.issuer());
    assertEquals(TestPlatform.CLIENT_ID, launch.clientId());
    assertEquals(TestPlatform.DEPLOYMENT_ID, launch.deploymentId());
    assertEquals(Optional.of("user-2"), launch.subject());
    assertFalse(launch.isAnonymous());
    assertEquals(MessageType.RESOURCE_LINK, launch.messageType());
    assertEquals(List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"), launch.ltiRoles());
    assertEquals(Set.of(LaunchRole.LEARNER), launch.roles());
    assertEquals(new LtiLaunch.Context("17", Optional.of("SMW-101"), Optional.of("Social media at work")),
        launch.context().orElseThrow());
    assertEquals(new LtiLaunch.ResourceLink("42", Optional.of("Unit 1: Your digital footprint")),
        launch.resourceLink().orElseThrow());
    assertEquals(Optional.of("fi"), launch.locale());
    assertEquals(Optional.of("Aino Virtanen"), launch.displayName());
    assertEquals(Map.of("unit", "digital-footprint"), launch.custom());
    assertEquals(Optional.of(TestPlatform.ISSUER + "/course/view.php?id=17"), launch.returnUrl());
    assertEquals(TestPlatform.TARGET, launch.targetLinkUri());
    assertEquals(Optional.of("https://moodle.example.org/m/17"), launch.membershipsUrl());
    LtiLaunch.GradeService ags = launch.gradeService().orElseThrow();
    assertEquals(List.of("https://purl.imsglobal.org/spec/lti-ags/scope/score"), ags.scopes());
    assertTrue(ags.lineItem().orElseThrow().endsWith("/lineitems/5/lineitem"));
    assertTrue(launch.deepLinking().isEmpty());
  }

  @Test
  void displayNameFallsBackToGivenAndFamilyName() throws LtiException {
    LtiLaunch launch = accept(valid().claim("name", null).claim("given_name", "Aino").claim("family_name", "Virtanen"));

    assertEquals(Optional.of("Aino Virtanen"), launch.displayName());
  }

  @Test
  void launchWithoutNameClaimsHasNoDisplayName() throws LtiException {
    // Moodle sends names only when the tool's privacy settings allow it
    assertEquals(Optional.empty(), accept(valid().claim("name", null)).displayName());
  }

  @Test
  void anonymousLaunchWithoutSubIsAccepted() throws LtiException {
    LtiLaunch launch = accept(valid().subject(null));

    assertTrue(launch.isAnonymous());
    assertEquals(Optional.empty(), launch.subject());
  }

  @Test
  void emptySubIsRefusedNotTakenForAnAnonymousLaunch() {
    // LTI Core §5.3.6: an anonymous launch omits sub; "" names no user and is invalid
    assertRejected(reject(valid().subject("")), LtiFailure.SUBJECT_INVALID, "user id (sub) is empty");
  }

  @Test
  void blankSubIsRefused() {
    assertRejected(reject(valid().subject("  ")), LtiFailure.SUBJECT_INVALID, "user id (sub) is empty");
  }

  @Test
  void subOfTheLongestAllowedLengthIsAccepted() throws LtiException {
    assertEquals(255, accept(valid().subject("u".repeat(255))).subject().orElseThrow().length());
  }

  @Test
  void subLongerThan255CharactersIsRefused() {
    assertRejected(reject(valid().subject("u".repeat(256))), LtiFailure.SUBJECT_INVALID, "longer than 255");
  }

  @Test
  void numericSubjectIsAUserNotAnAnonymousLaunch() throws LtiException {
    LtiLaunch launch = accept(valid().claim("sub", 2));

    assertEquals(Optional.of("2"), launch.subject());
  }

  @Test
  void claimsTheToolDoesNotKnowAreIgnored() throws LtiException {
    LtiLaunch launch = accept(valid()
        .claim(LtiClaim.TOOL_PLATFORM, Map.of("product_family_code", "moodle", "version", "2024100700"))
        .claim(LtiClaim.LIS, Map.of("person_sourcedid", "", "course_section_sourcedid", ""))
        .claim("https://purl.imsglobal.org/spec/lti/claim/ext", Map.of("lms", "moodle-2")));

    assertEquals("42", launch.resourceLink().orElseThrow().id());
  }

  // --- deployment, version, message type (LTI Core §5.3.1–5.3.3) ---

  @Test
  void unknownDeploymentIsRefused() {
    assertRejected(reject(valid().claim(LtiClaim.DEPLOYMENT_ID, "99")),
        LtiFailure.UNKNOWN_DEPLOYMENT, "deployment '99' is not registered");
  }

  @Test
  void otherRegisteredDeploymentIsAccepted() throws LtiException {
    assertEquals("9", accept(valid().claim(LtiClaim.DEPLOYMENT_ID, "9")).deploymentId());
  }

  @Test
  void missingDeploymentIdIsRefused() {
    assertRejected(reject(valid().claim(LtiClaim.DEPLOYMENT_ID, null)),
        LtiFailure.DEPLOYMENT_MISSING, "no deployment_id");
  }

  @Test
  void wrongVersionIsRefused() {
    assertRejected(reject(valid().claim(LtiClaim.VERSION, "1.1")),
        LtiFailure.WRONG_VERSION, "version is '1.1', not 1.3.0");
  }

  @Test
  void unknownMessageTypeIsRefused() {
    assertRejected(reject(valid().claim(LtiClaim.MESSAGE_TYPE, "LtiStartProctoring")),
        LtiFailure.UNSUPPORTED_MESSAGE_TYPE, "'LtiStartProctoring'");
  }

  // --- submission review (LTI Submission Review Service 1.0 §2) ---

  static final String LINE_ITEM = "https://moodle.example.org/mod/lti/services.php/17/lineitems/5/lineitem";

  JWTClaimsSet.Builder review() {
    return valid()
        .claim(LtiClaim.MESSAGE_TYPE, "LtiSubmissionReviewRequest")
        .claim(LtiClaim.ROLES, List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"))
        .claim(LtiClaim.AGS_ENDPOINT, Map.of(
            "scope", List.of("https://purl.imsglobal.org/spec/lti-ags/scope/score"), "lineitem", LINE_ITEM))
        .claim(LtiClaim.FOR_USER, Map.of("user_id", "user-9", "given_name", "Jānis", "family_name", "Bērziņš",
            "email", "janis@example.org", "person_sourcedid", "sis-9",
            "roles", List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner")));
  }

  @Test
  void submissionReviewIsReadWithWhoseSubmission() throws LtiException {
    LtiLaunch launch = accept(review());

    assertEquals(MessageType.SUBMISSION_REVIEW, launch.messageType());
    assertTrue(launch.isSubmissionReview());
    assertEquals(Set.of(LaunchRole.INSTRUCTOR), launch.roles());
    LtiLaunch.ForUser forUser = launch.forUser().orElseThrow();
    assertEquals("user-9", forUser.userId());
    assertEquals(Optional.of("Jānis Bērziņš"), forUser.displayName());
    assertEquals(Optional.of("janis@example.org"), forUser.email());
    assertEquals(Optional.of("sis-9"), forUser.personSourcedId());
    assertEquals(List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"), forUser.roles());
    assertEquals(Optional.of(LINE_ITEM), launch.gradeService().orElseThrow().lineItem());
    assertEquals(Optional.of("digital-footprint"), Optional.ofNullable(launch.custom().get("unit")));
  }

  @Test
  void submissionReviewNeedsOnlyTheUserId() throws LtiException {
    LtiLaunch.ForUser forUser = accept(review().claim(LtiClaim.FOR_USER, Map.of("user_id", "user-9")))
        .forUser().orElseThrow();
    assertEquals("user-9", forUser.userId());
    assertEquals(Optional.empty(), forUser.displayName());
    assertEquals(List.of(), forUser.roles());
  }

  @Test
  void resourceLinkLaunchHasNoForUser() throws LtiException {
    // for_user belongs to the review message; in a resource link launch it is not read
    LtiLaunch launch = accept(valid().claim(LtiClaim.FOR_USER, Map.of("user_id", "user-9")));
    assertEquals(Optional.empty(), launch.forUser());
    assertFalse(launch.isSubmissionReview());
  }

  @Test
  void submissionReviewWithoutForUserIsRefused() {
    assertRejected(reject(review().claim(LtiClaim.FOR_USER, null)), LtiFailure.FOR_USER_INVALID, "no for_user claim");
  }

  @Test
  void submissionReviewWithForUserNotAnObjectIsRefused() {
    assertRejected(reject(review().claim(LtiClaim.FOR_USER, "user-9")), LtiFailure.FOR_USER_INVALID,
        "must be a JSON object");
  }

  @Test
  void submissionReviewWithoutUserIdIsRefused() {
    assertRejected(reject(review().claim(LtiClaim.FOR_USER, Map.of("name", "Jānis Bērziņš"))),
        LtiFailure.FOR_USER_INVALID, "no user_id");
  }

  @Test
  void submissionReviewWithNumericUserIdIsRefused() {
    assertRejected(reject(review().claim(LtiClaim.FOR_USER, Map.of("user_id", 9))), LtiFailure.FOR_USER_INVALID,
        "must be a non-empty string");
  }

  @Test
  void submissionReviewWithBlankUserIdIsRefused() {
    assertRejected(reject(review().claim(LtiClaim.FOR_USER, Map.of("user_id", "  "))), LtiFailure.FOR_USER_INVALID,
        "must be a non-empty string");
  }

  @Test
  void submissionReviewWithOverlongUserIdIsRefused() {
    assertRejected(reject(review().claim(LtiClaim.FOR_USER, Map.of("user_id", "u".repeat(256)))),
        LtiFailure.FOR_USER_INVALID, "longer than 255");
  }

  @Test
  void submissionReviewWithRolesNotStringsIsRefused() {
    assertRejected(reject(review().claim(LtiClaim.FOR_USER, Map.of("user_id", "user-9", "roles", List.of(1)))),
        LtiFailure.CLAIM_INVALID, "for_user roles");
  }

  @Test
  void submissionReviewWithoutLineItemIsRefused() {
    assertRejected(reject(review().claim(LtiClaim.AGS_ENDPOINT, Map.of(
            "scope", List.of("https://purl.imsglobal.org/spec/lti-ags/scope/score"),
            "lineitems", "https://moodle.example.org/mod/lti/services.php/17/lineitems"))),
        LtiFailure.REVIEW_LINE_ITEM_MISSING, "no line item");
  }

  @Test
  void submissionReviewWithoutAgsClaimIsRefused() {
    assertRejected(reject(review().claim(LtiClaim.AGS_ENDPOINT, null)), LtiFailure.REVIEW_LINE_ITEM_MISSING,
        "no line item");
  }

  @Test
  void submissionReviewWithoutResourceLinkIsRefused() {
    assertRejected(reject(review().claim(LtiClaim.RESOURCE_LINK, null)), LtiFailure.RESOURCE_LINK_MISSING,
        "submission review request has no resource_link");
  }

  @Test
  void missingRolesClaimIsRefused() {
    assertRejected(reject(valid().claim(LtiClaim.ROLES, null)), LtiFailure.CLAIM_INVALID, "no roles claim");
  }

  @Test
  void emptyRolesAreAcceptedWithoutToolRole() throws LtiException {
    // LTI Core §5.3.7: the roles claim may be empty, e.g. for a guest
    assertEquals(Set.of(), accept(valid().claim(LtiClaim.ROLES, List.of())).roles());
  }

  // --- resource link (LTI Core §5.3.5) ---

  @Test
  void resourceLinkWithoutIdIsRefused() {
    assertRejected(reject(valid().claim(LtiClaim.RESOURCE_LINK, Map.of("title", "Unit 1"))),
        LtiFailure.RESOURCE_LINK_MISSING, "no resource_link id");
  }

  @Test
  void resourceLinkLaunchWithoutResourceLinkClaimIsRefused() {
    assertRejected(reject(valid().claim(LtiClaim.RESOURCE_LINK, null)),
        LtiFailure.RESOURCE_LINK_MISSING, "no resource_link id");
  }

  // --- claims of the wrong JSON type ---

  @Test
  void contextAsStringIsRefused() {
    assertRejected(reject(valid().claim(LtiClaim.CONTEXT, "17")),
        LtiFailure.CLAIM_INVALID, "'" + LtiClaim.CONTEXT + "' must be a JSON object");
  }

  @Test
  void contextWithoutIdIsRefused() {
    assertRejected(reject(valid().claim(LtiClaim.CONTEXT, Map.of("title", "Course"))),
        LtiFailure.CLAIM_INVALID, "context claim has no id");
  }

  @Test
  void rolesAsStringIsRefused() {
    assertRejected(reject(valid().claim(LtiClaim.ROLES, "Learner")),
        LtiFailure.CLAIM_INVALID, "'" + LtiClaim.ROLES + "' must be an array of strings");
  }

  @Test
  void rolesHoldingNullIsRefused() {
    java.util.List<Object> roles = new java.util.ArrayList<>();
    roles.add("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner");
    roles.add(null);
    LtiException e = reject(valid().claim(LtiClaim.ROLES, roles));

    assertRejected(e, LtiFailure.CLAIM_INVALID, "'" + LtiClaim.ROLES + "' must be an array of strings");
    assertEquals(400, e.httpStatus());
  }

  @Test
  void rolesWithANumberIsRefused() {
    assertRejected(reject(valid().claim(LtiClaim.ROLES, List.of("Learner", 5))),
        LtiFailure.CLAIM_INVALID, "'" + LtiClaim.ROLES + "' must be an array of strings");
  }

  @Test
  void customAsArrayIsRefused() {
    assertRejected(reject(valid().claim(LtiClaim.CUSTOM, List.of("unit=digital-footprint"))),
        LtiFailure.CLAIM_INVALID, "'" + LtiClaim.CUSTOM + "' must be a JSON object");
  }

  @Test
  void resourceLinkAsStringIsRefused() {
    assertRejected(reject(valid().claim(LtiClaim.RESOURCE_LINK, "42")),
        LtiFailure.CLAIM_INVALID, "'" + LtiClaim.RESOURCE_LINK + "' must be a JSON object");
  }

  // --- deep linking (Deep Linking 2.0 §4.4) ---

  @Test
  void deepLinkingRequestSettingsAreRead() throws LtiException {
    LtiLaunch launch = accept(deepLinking(Map.of(
        "deep_link_return_url", "https://moodle.example.org/mod/lti/contentitem_return.php?course=17",
        "accept_types", List.of("ltiResourceLink", "link"),
        "accept_presentation_document_targets", List.of("iframe", "window"),
        "accept_multiple", false,
        "accept_lineitem", false,
        "auto_create", true,
        "title", "Add a unit",
        "data", "{\"dl\":\"c5a3\"}")));

    assertEquals(MessageType.DEEP_LINKING, launch.messageType());
    DeepLinkingSettings settings = launch.deepLinking().orElseThrow();
    assertEquals(URI.create("https://moodle.example.org/mod/lti/contentitem_return.php?course=17"), settings.returnUrl());
    assertEquals(List.of("ltiResourceLink", "link"), settings.acceptTypes());
    assertTrue(settings.acceptsLtiResourceLinks());
    assertEquals(List.of("iframe", "window"), settings.acceptPresentationTargets());
    assertFalse(settings.acceptMultiple());
    assertFalse(settings.acceptLineItem());
    assertTrue(settings.autoCreate());
    assertEquals(Optional.of("Add a unit"), settings.title());
    assertEquals(Optional.empty(), settings.text());
    assertEquals(Optional.of("{\"dl\":\"c5a3\"}"), settings.data(), "data is echoed back byte for byte");
  }

  @Test
  void deepLinkingThatAcceptsOnlyLinksDoesNotAcceptResourceLinks() throws LtiException {
    LtiLaunch launch = accept(deepLinking(Map.of(
        "deep_link_return_url", "https://moodle.example.org/return", "accept_types", List.of("link"))));

    assertFalse(launch.deepLinking().orElseThrow().acceptsLtiResourceLinks());
  }

  @Test
  void deepLinkingSettingsThatDoNotSayAcceptMultipleOrLineItemsMeanNo() throws LtiException {
    DeepLinkingSettings settings = accept(deepLinking(Map.of(
        "deep_link_return_url", "https://moodle.example.org/return", "accept_types", List.of("ltiResourceLink"))))
        .deepLinking().orElseThrow();
    assertFalse(settings.acceptMultiple());
    assertFalse(settings.acceptLineItem());
  }

  // --- target_link_uri bound to the login (LTI Core §5.3.6) ---

  @Test
  void targetLinkUriOtherThanTheLoginsIsRefused() {
    assertRejected(reject(valid().claim(LtiClaim.TARGET_LINK_URI, "https://elsewhere.example.net/lti/launch")),
        LtiFailure.TARGET_LINK_MISMATCH, "not the one the login request named");
  }

  @Test
  void targetLinkUriDifferingOnlyInAQueryIsRefused() {
    assertRejected(reject(valid().claim(LtiClaim.TARGET_LINK_URI, TestPlatform.TARGET + "?unit=2")),
        LtiFailure.TARGET_LINK_MISMATCH, "not the one the login request named");
  }

  @Test
  void deepLinkingRequestWithoutTargetLinkUriIsAccepted() throws LtiException {
    LtiLaunch launch = accept(deepLinking(Map.of("deep_link_return_url", "https://moodle.example.org/return"))
        .claim(LtiClaim.TARGET_LINK_URI, null));

    assertEquals(MessageType.DEEP_LINKING, launch.messageType());
  }

  @Test
  void deepLinkingRequestWithAnotherTargetLinkUriIsRefused() {
    assertRejected(reject(deepLinking(Map.of("deep_link_return_url", "https://moodle.example.org/return"))
            .claim(LtiClaim.TARGET_LINK_URI, "https://elsewhere.example.net/lti/launch")),
        LtiFailure.TARGET_LINK_MISMATCH, "not the one the login request named");
  }

  @Test
  void resourceLinkLaunchWithoutTargetLinkUriIsRefused() {
    LtiException e = reject(valid().claim(LtiClaim.TARGET_LINK_URI, null));
    assertEquals(LtiFailure.CLAIM_INVALID, e.failure());
    assertTrue(e.getMessage().contains("target_link_uri"), e.getMessage());
  }

  @Test
  void deepLinkingWithoutReturnUrlIsRefused() {
    assertRejected(reject(deepLinking(Map.of("accept_types", List.of("ltiResourceLink")))),
        LtiFailure.DEEP_LINK_RETURN_URL_MISSING, "no deep_link_return_url");
  }

  @Test
  void deepLinkingWithoutSettingsIsRefused() {
    assertRejected(reject(deepLinking(null)),
        LtiFailure.DEEP_LINK_RETURN_URL_MISSING, "no deep_linking_settings claim");
  }

  @Test
  void deepLinkingWithAcceptTypesAsStringIsRefused() {
    assertRejected(reject(deepLinking(Map.of(
            "deep_link_return_url", "https://moodle.example.org/return", "accept_types", "ltiResourceLink"))),
        LtiFailure.CLAIM_INVALID, "'accept_types' must be an array of strings");
  }
}

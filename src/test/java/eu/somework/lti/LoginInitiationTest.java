package eu.somework.lti;

import static eu.somework.lti.LtiAssertions.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading the login initiation request a platform sends (Security Framework §5.1.1.1). */
class LoginInitiationTest {

  static Map<String, String> moodleLogin() {
    Map<String, String> params = new HashMap<>();
    params.put("iss", "https://moodle.example.org");
    params.put("login_hint", "2");
    params.put("target_link_uri", "https://tool.example.org/lti/launch");
    params.put("lti_message_hint", "{\"cmid\":\"42\",\"launchid\":\"ltilaunch_abc\"}");
    params.put("client_id", "client-a");
    params.put("lti_deployment_id", "3");
    return params;
  }

  @Test
  void moodleLoginIsReadAsSent() throws LtiException {
    LoginInitiation login = LoginInitiation.fromParameters(moodleLogin());

    assertEquals("https://moodle.example.org", login.issuer());
    assertEquals("2", login.loginHint());
    assertEquals("https://tool.example.org/lti/launch", login.targetLinkUri());
    assertEquals(Optional.of("{\"cmid\":\"42\",\"launchid\":\"ltilaunch_abc\"}"), login.messageHint());
    assertEquals(Optional.of("client-a"), login.clientId());
    assertEquals(Optional.of("3"), login.deploymentId());
  }

  @Test
  void optionalParametersMayBeAbsent() throws LtiException {
    Map<String, String> params = moodleLogin();
    params.remove("lti_message_hint");
    params.remove("client_id");
    params.remove("lti_deployment_id");

    LoginInitiation login = LoginInitiation.fromParameters(params);

    assertEquals(Optional.empty(), login.messageHint());
    assertEquals(Optional.empty(), login.clientId());
    assertEquals(Optional.empty(), login.deploymentId());
  }

  @Test
  void missingIssIsRefused() {
    assertMissing("iss");
  }

  @Test
  void missingLoginHintIsRefused() {
    assertMissing("login_hint");
  }

  @Test
  void missingTargetLinkUriIsRefused() {
    assertMissing("target_link_uri");
  }

  @Test
  void targetLinkUriOfTheLongestKeptLengthIsAccepted() throws LtiException {
    Map<String, String> params = moodleLogin();
    String longest = "https://tool.example.org/lti/launch?u=" + "x".repeat(1000 - 38);
    params.put("target_link_uri", longest);

    assertEquals(longest, LoginInitiation.fromParameters(params).targetLinkUri());
  }

  @Test
  void targetLinkUriTooLongToKeepIsRefused() {
    Map<String, String> params = moodleLogin();
    params.put("target_link_uri", "https://tool.example.org/lti/launch?u=" + "x".repeat(1000 - 37));

    LtiException e = assertThrows(LtiException.class, () -> LoginInitiation.fromParameters(params));

    assertRejected(e, LtiFailure.TARGET_LINK_NOT_OURS, "longer than 1000 characters");
  }

  @Test
  void blankRequiredParameterCountsAsMissing() {
    Map<String, String> params = moodleLogin();
    params.put("iss", " ");

    LtiException e = assertThrows(LtiException.class, () -> LoginInitiation.fromParameters(params));

    assertRejected(e, LtiFailure.LOGIN_PARAMETER_MISSING, "no 'iss' parameter");
  }

  static void assertMissing(String name) {
    Map<String, String> params = moodleLogin();
    params.remove(name);

    LtiException e = assertThrows(LtiException.class, () -> LoginInitiation.fromParameters(params));

    assertRejected(e, LtiFailure.LOGIN_PARAMETER_MISSING, "no '" + name + "' parameter");
    assertEquals(400, e.httpStatus());
  }
}

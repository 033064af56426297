package eu.somework.lti;

import static eu.somework.lti.LtiAssertions.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading the platform's answer to a client registration (Dynamic Registration 1.0 §3.6), tolerantly. */
class ClientRegistrationTest {

  @Test
  void moodleAnswerWithItsListShapedEchoesGivesClientIdAndDeployment() throws Exception {
    ClientRegistration r = ClientRegistration.read(PlatformConfigurationTest.fixture("moodle-4.x-registration-answer.json"));
    assertEquals("c7DqgpV2Kx0aLlW", r.clientId());
    assertEquals(Optional.of("17"), r.deploymentId());
    assertTrue(r.grantedScopes().contains("https://purl.imsglobal.org/spec/lti-ags/scope/score"));
  }

  @Test
  void numericIdsAreReadAsTheirDigits() throws Exception {
    ClientRegistration r = ClientRegistration.read("{\"client_id\": 10000000000042,"
        + " \"https://purl.imsglobal.org/spec/lti-tool-configuration\": {\"deployment_id\": 7}}");
    assertEquals("10000000000042", r.clientId());
    assertEquals(Optional.of("7"), r.deploymentId());
  }

  @Test
  void answerWithoutDeploymentIsAcceptedWithoutOne() throws Exception {
    ClientRegistration r = ClientRegistration.read("{\"client_id\": \"abc\", \"application_type\": \"web\","
        + " \"scope\": [\"https://purl.imsglobal.org/spec/lti-ags/scope/score\"]}");
    assertEquals(Optional.empty(), r.deploymentId());
    assertEquals(1, r.grantedScopes().size(), "a scope list instead of a string is read too");
  }

  @Test
  void answerWithoutClientIdIsRefused() {
    LtiException e = assertThrows(LtiException.class, () -> ClientRegistration.read(
        "{\"https://purl.imsglobal.org/spec/lti-tool-configuration\": {\"deployment_id\": \"1\"}}"));
    assertRejected(e, LtiFailure.REGISTRATION_ANSWER_INVALID, "names no client_id");
  }

  @Test
  void blankClientIdIsRefused() {
    LtiException e = assertThrows(LtiException.class, () -> ClientRegistration.read("{\"client_id\": \"  \"}"));
    assertRejected(e, LtiFailure.REGISTRATION_ANSWER_INVALID, "names no client_id");
  }

  @Test
  void overlongDeploymentIdIsRefused() {
    LtiException e = assertThrows(LtiException.class, () -> ClientRegistration.read("{\"client_id\": \"a\","
        + " \"https://purl.imsglobal.org/spec/lti-tool-configuration\": {\"deployment_id\": \"" + "d".repeat(256) + "\"}}"));
    assertRejected(e, LtiFailure.REGISTRATION_ANSWER_INVALID, "longer than 255");
  }

  @Test
  void answerThatIsNotJsonIsRefused() {
    LtiException e = assertThrows(LtiException.class, () -> ClientRegistration.read("registered"));
    assertRejected(e, LtiFailure.REGISTRATION_ANSWER_INVALID, "not a JSON object");
  }
}

package eu.somework.lti;

import static org.junit.jupiter.api.Assertions.assertTrue;

import static eu.somework.lti.LtiAssertions.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Answering a platform's login initiation (Security Framework §5.1.1.1–5.1.1.2). */
class LoginResponderTest {
  static final String TOOL = "https://tool.example.org";
  static final String MOODLE = "https://moodle.example.org";
  static final String MOODLE_HINT = "{\"cmid\":\"42\",\"launchid\":\"ltilaunch_abc\"}";

  static PlatformRegistration registration(String issuer, String clientId) {
    return new PlatformRegistration(
        "Moodle " + clientId, issuer, clientId, Set.of("3"),
        URI.create(issuer + "/mod/lti/auth.php"),
        URI.create(issuer + "/mod/lti/token.php"),
        URI.create(issuer + "/mod/lti/certs.php"));
  }

  /** Stands in for the registrations table. */
  record Directory(List<PlatformRegistration> all) implements RegistrationDirectory {
    @Override
    public Optional<PlatformRegistration> find(String issuer, String clientId) {
      return all.stream().filter(r -> r.issuer().equals(issuer) && r.clientId().equals(clientId)).findFirst();
    }

    @Override
    public List<PlatformRegistration> findByIssuer(String issuer) {
      return all.stream().filter(r -> r.issuer().equals(issuer)).toList();
    }
  }

  static LoginResponder responderFor(PlatformRegistration... registrations) {
    return new LoginResponder(new Directory(List.of(registrations)), URI.create(TOOL + "/lti/launch"), TOOL);
  }

  static LoginInitiation login(String issuer, String clientId) throws LtiException {
    Map<String, String> params = new HashMap<>();
    params.put("iss", issuer);
    params.put("login_hint", "2");
    params.put("target_link_uri", TOOL + "/lti/launch");
    params.put("lti_message_hint", MOODLE_HINT);
    params.put("lti_deployment_id", "3");
    if (clientId != null) {
      params.put("client_id", clientId);
    }
    return LoginInitiation.fromParameters(params);
  }

  static Map<String, String> queryOf(URI uri) {
    Map<String, String> query = new LinkedHashMap<>();
    for (String pair : uri.getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return query;
  }

  // --- which registration ---

  @Test
  void registrationIsFoundByIssuerAndClientId() throws LtiException {
    PlatformRegistration wanted = registration(MOODLE, "client-b");
    LoginResponder responder = responderFor(registration(MOODLE, "client-a"), wanted);

    assertEquals(wanted, responder.registrationFor(login(MOODLE, "client-b")));
  }

  @Test
  void issuerWithOneRegistrationNeedsNoClientId() throws LtiException {
    PlatformRegistration only = registration(MOODLE, "client-a");

    assertEquals(only, responderFor(only).registrationFor(login(MOODLE, null)));
  }

  @Test
  void issuerWithTwoRegistrationsAndNoClientIdIsAmbiguous() {
    LoginResponder responder = responderFor(registration(MOODLE, "client-a"), registration(MOODLE, "client-b"));

    LtiException e = assertThrows(LtiException.class, () -> responder.registrationFor(login(MOODLE, null)));

    assertRejected(e, LtiFailure.AMBIGUOUS_CLIENT, "client_id is missing");
  }

  @Test
  void unknownIssuerIsRefused() {
    LoginResponder responder = responderFor(registration(MOODLE, "client-a"));

    LtiException withClient = assertThrows(LtiException.class,
        () -> responder.registrationFor(login("https://canvas.example.org", "client-a")));
    LtiException withoutClient = assertThrows(LtiException.class,
        () -> responder.registrationFor(login("https://canvas.example.org", null)));

    assertRejected(withClient, LtiFailure.UNKNOWN_ISSUER, "no registration for the platform 'https://canvas.example.org'");
    assertRejected(withoutClient, LtiFailure.UNKNOWN_ISSUER, "no registration for the platform 'https://canvas.example.org'");
  }

  @Test
  void unknownClientIdOfAKnownIssuerIsRefused() {
    LoginResponder responder = responderFor(registration(MOODLE, "client-a"));

    LtiException e = assertThrows(LtiException.class, () -> responder.registrationFor(login(MOODLE, "client-z")));

    assertRejected(e, LtiFailure.UNKNOWN_CLIENT_ID, "with client id 'client-z'");
  }

  // --- the authentication request ---

  @Test
  void redirectCarriesEveryParameterOfTheAuthenticationRequest() throws LtiException {
    PlatformRegistration moodle = registration(MOODLE, "client-a");

    URI redirect = responderFor(moodle).authorizationRedirect(moodle, login(MOODLE, "client-a"), "st-1", "no-1");

    assertEquals(MOODLE + "/mod/lti/auth.php", redirect.toString().substring(0, redirect.toString().indexOf('?')));
    Map<String, String> query = queryOf(redirect);
    assertEquals("openid", query.get("scope"));
    assertEquals("id_token", query.get("response_type"));
    assertEquals("form_post", query.get("response_mode"));
    assertEquals("none", query.get("prompt"));
    assertEquals("client-a", query.get("client_id"));
    assertEquals(TOOL + "/lti/launch", query.get("redirect_uri"));
    assertEquals("2", query.get("login_hint"));
    assertEquals("st-1", query.get("state"));
    assertEquals("no-1", query.get("nonce"));
  }

  @Test
  void moodleMessageHintComesBackByteForByte() throws LtiException {
    PlatformRegistration moodle = registration(MOODLE, "client-a");

    URI redirect = responderFor(moodle).authorizationRedirect(moodle, login(MOODLE, "client-a"), "st-1", "no-1");

    assertEquals(MOODLE_HINT, queryOf(redirect).get("lti_message_hint"));
  }

  @Test
  void messageHintIsLeftOutWhenThePlatformSentNone() throws LtiException {
    PlatformRegistration moodle = registration(MOODLE, "client-a");
    LoginInitiation noHint = LoginInitiation.fromParameters(Map.of(
        "iss", MOODLE, "login_hint", "2", "target_link_uri", TOOL + "/lti/launch"));

    URI redirect = responderFor(moodle).authorizationRedirect(moodle, noHint, "st-1", "no-1");

    assertFalse(queryOf(redirect).containsKey("lti_message_hint"), redirect.toString());
  }

  @Test
  void authorizationEndpointWithItsOwnQueryKeepsIt() throws LtiException {
    PlatformRegistration withQuery = new PlatformRegistration(
        "LMS", MOODLE, "client-a", Set.of("3"), URI.create(MOODLE + "/auth?tenant=7"),
        URI.create(MOODLE + "/token"), URI.create(MOODLE + "/jwks"));

    URI redirect = responderFor(withQuery).authorizationRedirect(withQuery, login(MOODLE, "client-a"), "st-1", "no-1");

    assertEquals("7", queryOf(redirect).get("tenant"));
    assertEquals("st-1", queryOf(redirect).get("state"));
  }

  @Test
  void targetLinkOnAnotherHostIsRefused() {
    PlatformRegistration moodle = registration(MOODLE, "client-a");
    LoginResponder responder = responderFor(moodle);

    for (String target : List.of("https://evil.example.org/lti/launch", "https://tool.example.org.evil.example/lti",
        "https://tool.example.org@evil.example/lti", "http://tool.example.org/lti/launch")) {
      LtiException e = assertThrows(LtiException.class, () -> responder.authorizationRedirect(
          moodle, LoginInitiation.fromParameters(Map.of("iss", MOODLE, "login_hint", "2", "target_link_uri", target)),
          "st-1", "no-1"), target);
      assertRejected(e, LtiFailure.TARGET_LINK_NOT_OURS, "does not point to this tool");
    }
  }

  @Test
  void unknownDeploymentIsRefusedAtLogin() throws LtiException {
    PlatformRegistration moodle = registration(MOODLE, "c1");
    Map<String, String> params = new HashMap<>();
    params.put("iss", MOODLE);
    params.put("login_hint", "2");
    params.put("target_link_uri", TOOL + "/lti/launch");
    params.put("lti_deployment_id", "77");
    LoginInitiation login = LoginInitiation.fromParameters(params);
    LtiException e = assertThrows(LtiException.class,
        () -> responderFor(moodle).authorizationRedirect(moodle, login, "s", "n"));
    assertEquals(LtiFailure.UNKNOWN_DEPLOYMENT, e.failure());
    assertTrue(e.getMessage().contains("'77'"), e.getMessage());
  }
}

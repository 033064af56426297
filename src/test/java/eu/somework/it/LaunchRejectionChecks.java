package eu.somework.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Each test changes exactly one thing from a valid launch (platform B, client-b, deployment 1) and
 * expects exactly one rejection: its HTTP status and the name of the failed check. Run on the
 * development server ({@link LaunchRejectionIT}) and on the server as an institution runs it
 * ({@link LaunchRejectionPostgresIT}).
 */
abstract class LaunchRejectionChecks {
  private static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";

  /** A login on platform B, then an id_token built from the valid one with one change. */
  private static Browser.Page launchWith(UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
    Browser browser = new Browser().acceptJson();
    LtiLogin login = LtiLogin.start(browser, "b", "client-b", "1");
    JWTClaimsSet claims = change.apply(valid(login)).build();
    return login.launch(browser, MockPlatforms.sign(MockPlatforms.get().key("b"), claims));
  }

  private static JWTClaimsSet.Builder valid(LtiLogin login) {
    return MockPlatforms.resourceLinkLaunch("b", "client-b", "1", login.nonce(), "student-1", "Learner");
  }

  private static Browser.Page launchToken(String token) throws Exception {
    Browser browser = new Browser().acceptJson();
    LtiLogin login = LtiLogin.start(browser, "b", "client-b", "1");
    return login.launch(browser, token);
  }

  private static void assertRejected(Browser.Page page, int status, String check) {
    assertEquals(status, page.status(), page.body());
    assertEquals(check, page.jsonField("error"), page.body());
    assertNotNull(page.jsonField("correlationId"));
    for (String leak : java.util.List.of("Exception", "\tat ", "eyJ", "SELECT ", "jdbc:")) {
      assertFalse(page.body().contains(leak), "the refusal shows '" + leak + "': " + page.body());
    }
  }

  @Test
  void validLaunchIsAccepted() throws Exception {
    Browser.Page page = launchWith(c -> c);
    assertEquals(303, page.status(), page.body());
  }

  @Test
  void unsignedTokenAlgNone() throws Exception {
    Browser browser = new Browser().acceptJson();
    LtiLogin login = LtiLogin.start(browser, "b", "client-b", "1");
    assertRejected(login.launch(browser, new PlainJWT(valid(login).build()).serialize()), 401, "ALGORITHM_NOT_ALLOWED");
  }

  @Test
  void hs256SignedWithThePlatformsPublicKey() throws Exception {
    Browser browser = new Browser().acceptJson();
    LtiLogin login = LtiLogin.start(browser, "b", "client-b", "1");
    RSAKey key = MockPlatforms.get().key("b");
    JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(),
        new Payload(valid(login).build().toJSONObject()));
    jws.sign(new MACSigner(key.toPublicJWK().toJSONString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertRejected(login.launch(browser, jws.serialize()), 401, "ALGORITHM_NOT_ALLOWED");
  }

  @Test
  void tamperedSignature() throws Exception {
    Browser browser = new Browser().acceptJson();
    LtiLogin login = LtiLogin.start(browser, "b", "client-b", "1");
    String token = MockPlatforms.sign(MockPlatforms.get().key("b"), valid(login).build());
    String[] parts = token.split("\\.");
    JWTClaimsSet changed = valid(login).subject("someone-else").build();
    String forged = parts[0] + "." + com.nimbusds.jose.util.Base64URL.encode(changed.toString()) + "." + parts[2];
    assertRejected(login.launch(browser, forged), 401, "BAD_SIGNATURE");
  }

  @Test
  void unknownKeyIdIsRefusedAfterOneRefetch() throws Exception {
    MockPlatforms platforms = MockPlatforms.get();
    assertEquals(303, launchWith(c -> c).status()); // the key set is cached now
    Thread.sleep(1100); // past the second in which a freshly fetched key set is not fetched again
    int before = platforms.fetchCount("b");
    Browser browser = new Browser().acceptJson();
    LtiLogin login = LtiLogin.start(browser, "b", "client-b", "1");
    String token = MockPlatforms.sign(MockPlatforms.newKey(), valid(login).build());
    assertRejected(login.launch(browser, token), 401, "UNKNOWN_KEY");
    assertEquals(before + 1, platforms.fetchCount("b"), "exactly one refetch for the unknown kid");
  }

  @Test
  void wrongIssuer() throws Exception {
    assertRejected(launchWith(c -> c.issuer(MockPlatforms.issuer("a"))), 401, "WRONG_ISSUER");
  }

  @Test
  void audienceWithoutTheClientId() throws Exception {
    assertRejected(launchWith(c -> c.audience("someone-else")), 401, "WRONG_AUDIENCE");
  }

  @Test
  void severalAudiencesWithWrongAuthorizedParty() throws Exception {
    assertRejected(launchWith(c -> c.audience(List.of("client-b", "other")).claim("azp", "other")), 401,
        "WRONG_AUTHORIZED_PARTY");
  }

  @Test
  void severalAudiencesWithoutAuthorizedParty() throws Exception {
    assertRejected(launchWith(c -> c.audience(List.of("client-b", "other"))), 401, "WRONG_AUTHORIZED_PARTY");
  }

  @Test
  void severalAudiencesWithTheRightAuthorizedPartyAreAccepted() throws Exception {
    assertEquals(303, launchWith(c -> c.audience(List.of("other", "client-b")).claim("azp", "client-b")).status());
  }

  @Test
  void expiredToken() throws Exception {
    assertRejected(launchWith(c -> c.expirationTime(Date.from(Instant.now().minusSeconds(600)))), 401, "EXPIRED");
  }

  @Test
  void issuedInTheFuture() throws Exception {
    assertRejected(launchWith(c -> c.issueTime(Date.from(Instant.now().plusSeconds(600)))), 401, "ISSUED_IN_FUTURE");
  }

  @Test
  void missingNonce() throws Exception {
    assertRejected(launchWith(c -> c.claim("nonce", null)), 401, "NONCE_MISSING");
  }

  @Test
  void nonceNotTheOneIssued() throws Exception {
    assertRejected(launchWith(c -> c.claim("nonce", "a-nonce-of-our-own")), 401, "NONCE_MISMATCH");
  }

  @Test
  void replayedToken() throws Exception {
    Browser browser = new Browser().acceptJson();
    LtiLogin login = LtiLogin.start(browser, "b", "client-b", "1");
    String token = MockPlatforms.sign(MockPlatforms.get().key("b"), valid(login).build());
    String host = java.net.URI.create(MockPlatforms.TOOL).getAuthority();
    String cookie = "somework_login_" + login.state().substring(0, 16);
    String value = browser.cookie(host, cookie);
    assertEquals(303, login.launch(browser, token).status());
    // an accepted launch removes its login cookie; a replay that brings it back meets the nonce check
    browser.setCookie(host, cookie, value);
    assertRejected(login.launch(browser, token), 401, "NONCE_REPLAYED");
  }

  @Test
  void missingState() throws Exception {
    Browser browser = new Browser().acceptJson();
    LtiLogin login = LtiLogin.start(browser, "b", "client-b", "1");
    String token = MockPlatforms.sign(MockPlatforms.get().key("b"), valid(login).build());
    assertRejected(browser.post(MockPlatforms.TOOL + "/lti/launch", Map.of("id_token", token)), 400, "STATE_MISSING");
  }

  @Test
  void unknownState() throws Exception {
    Browser browser = new Browser().acceptJson();
    LtiLogin login = LtiLogin.start(browser, "b", "client-b", "1");
    String token = MockPlatforms.sign(MockPlatforms.get().key("b"), valid(login).build());
    assertRejected(browser.post(MockPlatforms.TOOL + "/lti/launch", Map.of("id_token", token, "state", "made-up")),
        400, "STATE_UNKNOWN");
  }

  @Test
  void stateFromAnotherBrowser() throws Exception {
    Browser mine = new Browser().acceptJson();
    LtiLogin login = LtiLogin.start(mine, "b", "client-b", "1");
    Browser other = new Browser().acceptJson();
    LtiLogin theirs = LtiLogin.start(other, "b", "client-b", "1");
    // the other browser holds a login cookie of the right name (e.g. forged from the state in a
    // leaked URL) but not this login's value
    String host = java.net.URI.create(MockPlatforms.TOOL).getAuthority();
    String theirCookie = "somework_login_" + theirs.state().substring(0, 16);
    other.setCookie(host, "somework_login_" + login.state().substring(0, 16), other.cookie(host, theirCookie));
    String token = MockPlatforms.sign(MockPlatforms.get().key("b"), valid(login).build());
    assertRejected(login.launch(other, token), 403, "STATE_OTHER_BROWSER");
  }

  @Test
  void stateOfALoginThisBrowserNeverStarted() throws Exception {
    LtiLogin login = LtiLogin.start(new Browser().acceptJson(), "b", "client-b", "1");
    Browser other = new Browser().acceptJson();
    LtiLogin.start(other, "b", "client-b", "1"); // a login cookie of its own, for another state
    String token = MockPlatforms.sign(MockPlatforms.get().key("b"), valid(login).build());
    assertRejected(login.launch(other, token), 400, "STATE_COOKIE_MISSING");
  }

  @Test
  void stateCookieBlockedOffersANewWindow() throws Exception {
    Browser browser = new Browser();
    LtiLogin login = LtiLogin.start(browser, "b", "client-b", "1");
    browser.clearCookies(); // what a browser that blocks third-party cookies does
    String token = MockPlatforms.sign(MockPlatforms.get().key("b"), valid(login).build());
    Browser.Page page = login.launch(browser, token);
    assertEquals(400, page.status());
    assertTrue(page.body().contains("third-party cookies"), page.body());
    assertTrue(page.body().contains("target=\"_blank\""), page.body());
    assertTrue(page.body().contains("Open SoMe@Work in a new window"), page.body());
    assertTrue(page.body().contains("STATE_COOKIE_MISSING"));
    assertFalse(page.body().contains("Exception"));
  }

  @Test
  void unknownDeployment() throws Exception {
    assertRejected(launchWith(c -> c.claim(LTI + "deployment_id", "99")), 403, "UNKNOWN_DEPLOYMENT");
  }

  @Test
  void unknownDeploymentAtLogin() throws Exception {
    MockPlatforms.get();
    LtiLogin login = LtiLogin.start(new Browser().acceptJson(), "b", "client-b", "42");
    assertRejected(login.answer(), 403, "UNKNOWN_DEPLOYMENT");
  }

  @Test
  void unknownClientIdAtLogin() throws Exception {
    MockPlatforms.get();
    LtiLogin login = LtiLogin.start(new Browser().acceptJson(), "b", "no-such-client", "1");
    assertRejected(login.answer(), 403, "UNKNOWN_CLIENT_ID");
  }

  @Test
  void unknownIssuerAtLogin() throws Exception {
    MockPlatforms.get();
    LtiLogin login = LtiLogin.start(new Browser().acceptJson(), "nobody", "x", "1");
    assertRejected(login.answer(), 403, "UNKNOWN_ISSUER");
  }

  @Test
  void issuerWithTwoRegistrationsNeedsAClientId() throws Exception {
    MockPlatforms.get();
    LtiLogin login = LtiLogin.start(new Browser().acceptJson(), "a", null, "dep-1");
    assertRejected(login.answer(), 400, "AMBIGUOUS_CLIENT");
  }

  @Test
  void wrongVersion() throws Exception {
    assertRejected(launchWith(c -> c.claim(LTI + "version", "1.1")), 400, "WRONG_VERSION");
  }

  @Test
  void unknownMessageType() throws Exception {
    assertRejected(launchWith(c -> c.claim(LTI + "message_type", "LtiStartProctoring")), 400,
        "UNSUPPORTED_MESSAGE_TYPE");
  }

  @Test
  void missingResourceLinkId() throws Exception {
    assertRejected(launchWith(c -> c.claim(LTI + "resource_link", Map.of("title", "no id"))), 400,
        "RESOURCE_LINK_MISSING");
  }

  @Test
  void deepLinkingWithoutReturnUrl() throws Exception {
    assertRejected(launchWith(c -> c.claim(LTI + "message_type", "LtiDeepLinkingRequest")
        .claim("https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings",
            Map.of("accept_types", List.of("ltiResourceLink")))), 400, "DEEP_LINK_RETURN_URL_MISSING");
  }

  @Test
  void malformedJwt() throws Exception {
    assertRejected(launchToken("not-a.jwt"), 400, "MALFORMED_TOKEN");
  }

  @Test
  void missingIdToken() throws Exception {
    Browser browser = new Browser().acceptJson();
    LtiLogin login = LtiLogin.start(browser, "b", "client-b", "1");
    assertRejected(browser.post(MockPlatforms.TOOL + "/lti/launch", Map.of("state", login.state())), 400,
        "ID_TOKEN_MISSING");
  }

  @Test
  void oversizedToken() throws Exception {
    assertRejected(launchWith(c -> c.claim("padding", "x".repeat(100_000))), 400, "ID_TOKEN_TOO_LARGE");
  }

  @Test
  void claimOfTheWrongJsonType() throws Exception {
    assertRejected(launchWith(c -> c.claim(LTI + "context", "not an object")), 400, "CLAIM_INVALID");
  }

  @Test
  void payloadThatIsNotJson() throws Exception {
    RSAKey key = MockPlatforms.get().key("b");
    JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
        .type(JOSEObjectType.JWT).build(), new Payload("this is not JSON"));
    jws.sign(new RSASSASigner(key));
    assertRejected(launchToken(jws.serialize()), 400, "MALFORMED_TOKEN");
  }

  @Test
  void platformKeySetDownGivesAClearError() throws Exception {
    Browser browser = new Browser().acceptJson();
    LtiLogin login = LtiLogin.start(browser, "down", "client-down", "1");
    JWTClaimsSet claims = MockPlatforms.resourceLinkLaunch("down", "client-down", "1", login.nonce(), "u", "Learner")
        .build();
    Browser.Page page = login.launch(browser, MockPlatforms.sign(MockPlatforms.newKey(), claims));
    assertRejected(page, 401, "PLATFORM_KEYS_UNAVAILABLE");
    assertTrue(page.jsonField("message").contains("could not be fetched"), page.body());
  }

  @Test
  void rotatedPlatformKeyIsAcceptedAfterARefetch() throws Exception {
    MockPlatforms platforms = MockPlatforms.get();
    assertEquals(303, launchOn("rot", platforms.key("rot")).status());
    Thread.sleep(1100); // a set fetched less than a second ago is not refetched
    RSAKey rotated = platforms.rotate("rot");
    assertEquals(303, launchOn("rot", rotated).status());
  }

  private static Browser.Page launchOn(String platform, RSAKey key) throws Exception {
    Browser browser = new Browser().acceptJson();
    LtiLogin login = LtiLogin.start(browser, platform, "client-" + platform, "1");
    return login.launch(browser, MockPlatforms.sign(key,
        MockPlatforms.resourceLinkLaunch(platform, "client-" + platform, "1", login.nonce(), "u", "Learner").build()));
  }

  @Test
  void aRotationIsAcceptedRightAfterAForgedKid() throws Exception {
    MockPlatforms platforms = MockPlatforms.get();
    assertEquals(303, launchOn("rot", platforms.key("rot")).status());
    Thread.sleep(1100); // a set fetched less than a second ago is not refetched
    assertRejected(launchOn("rot", MockPlatforms.newKey()), 401, "UNKNOWN_KEY");
    Thread.sleep(1100); // well inside the default 30 s in which that kid is not refetched
    RSAKey rotated = platforms.rotate("rot");
    assertEquals(303, launchOn("rot", rotated).status(), "one forged kid must not hold up a real rotation");
  }

  @Test
  void targetLinkUriOtherThanTheLoginsIsRefused() throws Exception {
    assertRejected(launchWith(c -> c.claim(LTI + "target_link_uri", "https://elsewhere.example.net/lti/launch")),
        400, "TARGET_LINK_MISMATCH");
  }

  @Test
  void emptySubIsRefusedNotTakenForAnAnonymousLaunch() throws Exception {
    assertRejected(launchWith(c -> c.subject("")), 400, "SUBJECT_INVALID");
  }

  @Test
  void rolesHoldingNullAreA400NotA500() throws Exception {
    assertRejected(launchWith(c -> c.claim(LTI + "roles",
        java.util.Arrays.asList("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner", null))), 400,
        "CLAIM_INVALID");
  }

  @Test
  void rolesHoldingANumberAreA400() throws Exception {
    assertRejected(launchWith(c -> c.claim(LTI + "roles", List.of(7))), 400, "CLAIM_INVALID");
  }

  @Test
  void claimFieldOfTheWrongJsonTypeIsA400() throws Exception {
    assertRejected(launchWith(c -> c.claim(LTI + "resource_link", Map.of("id", "link-b", "title", List.of("x")))),
        400, "CLAIM_INVALID");
  }

  @Test
  void tooManyLoginsFromOneAddressAreRefusedWith429AndRetryAfter() throws Exception {
    MockPlatforms.get();
    // from 127.0.0.2, so the other tests' logins from 127.0.0.1 keep their own budget
    String path = "/lti/login?iss=" + java.net.URLEncoder.encode(MockPlatforms.issuer("b"), "UTF-8")
        + "&login_hint=u1&target_link_uri=" + java.net.URLEncoder.encode(MockPlatforms.TOOL + "/lti/launch", "UTF-8");
    long started = System.nanoTime();
    int accepted = 0;
    RawHttp.Answer refused = null;
    while (refused == null && accepted < 200) {
      // with the default settings no proxy is trusted: a header naming another client each time is ignored
      RawHttp.Answer answer = RawHttp.get("127.0.0.2", path, "X-Forwarded-For: 203.0.113." + (accepted % 250) + "\r\n");
      if (answer.status() == 302) {
        accepted++;
      } else {
        refused = answer;
      }
    }
    long seconds = (System.nanoTime() - started) / 1_000_000_000L;
    assertNotNull(refused, "no login was refused");
    assertEquals(429, refused.status(), refused.text());
    assertEquals("HTTP/1.1 429 Too Many Requests", refused.statusLine(), "a status line clients and proxies know");
    // the default 60 at once, plus the one a second that came back while the test ran
    assertTrue(accepted >= 60 && accepted <= 61 + seconds, accepted + " logins accepted in " + seconds + " s");
    assertTrue(Integer.parseInt(refused.header("Retry-After")) >= 1, refused.text());
    assertTrue(refused.text().contains("LOGIN_RATE_LIMITED"), refused.text());
    assertTrue(refused.text().contains("Too many logins from your network"), refused.text());
    assertTrue(refused.text().contains("Open the activity again in " + refused.header("Retry-After") + " s."),
        "the wait the header gives, in a unit that needs no plural: " + refused.text());
    assertFalse(refused.text().contains("seconds"), refused.text());
    assertFalse(refused.text().contains("Exception"), refused.text());
    assertEquals(302, RawHttp.get("127.0.0.3", path).status(), "another address is not held up");
  }

  @Test
  void platformErrorIsShownNotSwallowed() throws Exception {
    Browser browser = new Browser().acceptJson();
    LtiLogin login = LtiLogin.start(browser, "b", "client-b", "1");
    Browser.Page page = browser.post(MockPlatforms.TOOL + "/lti/launch",
        Map.of("error", "login_required", "error_description", "Not signed in", "state", login.state()));
    assertRejected(page, 400, "PLATFORM_ERROR");
  }

  @Test
  void anHtmlClientGetsAPageWithTheReasonAndNoStackTrace() throws Exception {
    Browser browser = new Browser();
    LtiLogin login = LtiLogin.start(browser, "b", "client-b", "1");
    Browser.Page page = login.launch(browser, MockPlatforms.sign(MockPlatforms.get().key("b"),
        valid(login).claim(LTI + "deployment_id", "99").build()));
    assertEquals(403, page.status());
    assertTrue(page.header("Content-Type").startsWith("text/html"));
    assertTrue(page.body().contains("The deployment '99' is not registered for this platform."), page.body());
    assertFalse(page.body().contains("at eu.somework"));
  }
}

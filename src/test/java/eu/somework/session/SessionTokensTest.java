package eu.somework.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import eu.somework.config.Settings;
import eu.somework.persistence.KeyEncryption;
import eu.somework.persistence.TestDatabase;
import eu.somework.persistence.Transactor;
import jakarta.ws.rs.core.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Session tokens: what they carry, what they refuse, and the browser they are bound to. */
class SessionTokensTest {
  private Transactor tx;
  private SessionTokens tokens;

  private static final ToolSession ANNA = new ToolSession("https://lms.example.org", "client-1", "deployment-1",
      Optional.of("u-anna"), Optional.of("Anna Virtanen"), ToolRole.STUDENT, "course-1",
      Optional.of("Social media at work, spring"), Optional.of("link-1"), Optional.of("Unit 3"), Optional.of("fi"),
      Optional.of("data-protection"), Optional.empty(), Instant.now().plusSeconds(600));

  @BeforeEach
  void fresh() {
    tx = TestDatabase.open("tokens-" + System.nanoTime());
    tokens = SessionTokens.over(tx, new Settings());
  }

  @Test
  void aTokenCarriesIdsButNoNameAndNoTitle() {
    SessionCookie.Binding binding = SessionCookie.create();
    String token = tokens.issue(ANNA, binding);
    String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    assertFalse(payload.contains("Anna"), payload);
    assertFalse(payload.contains("spring"), payload);
    assertFalse(payload.contains("Unit 3"), payload);
    assertTrue(payload.contains("\"deployment_id\":\"deployment-1\""), payload);

    BoundSession bound = tokens.verify(token).orElseThrow();
    ToolSession read = bound.session();
    assertEquals(ANNA.issuer(), read.issuer());
    assertEquals(ANNA.userId(), read.userId());
    assertEquals(ANNA.contextId(), read.contextId());
    assertEquals(ANNA.unit(), read.unit());
    assertEquals(Optional.empty(), read.displayName());
    assertEquals(binding.id(), bound.bindingId());
    assertEquals(binding.hash(), bound.bindingHash());
  }

  @Test
  void anExpiredTokenIsNoSession() {
    ToolSession expired = new ToolSession(ANNA.issuer(), ANNA.clientId(), ANNA.deploymentId(), ANNA.userId(),
        Optional.empty(), ANNA.role(), ANNA.contextId(), Optional.empty(), ANNA.resourceLinkId(), Optional.empty(),
        ANNA.locale(), ANNA.unit(), Optional.empty(), Instant.now().minusSeconds(1));
    assertEquals(Optional.empty(), tokens.verify(tokens.issue(expired, SessionCookie.create())));
  }

  @Test
  void anAlteredTokenIsNoSession() {
    String token = tokens.issue(ANNA, SessionCookie.create());
    String[] parts = token.split("\\.");
    String teacher = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
        .replace("\"STUDENT\"", "\"TEACHER\"");
    String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(teacher.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    assertEquals(Optional.empty(), tokens.verify(forged));
  }

  @Test
  void anUnsignedTokenIsNoSession() {
    JWTClaimsSet claims = claimsLike(tokens.issue(ANNA, SessionCookie.create()));
    assertEquals(Optional.empty(), tokens.verify(new PlainJWT(claims).serialize()));
  }

  @Test
  void aTokenForAnotherAudienceIsNoSessionEvenWithTheRightKey() throws Exception {
    JWTClaimsSet claims = new JWTClaimsSet.Builder(claimsLike(tokens.issue(ANNA, SessionCookie.create())))
        .audience("another-tool").build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    jwt.sign(new MACSigner(Base64.getDecoder().decode(storedSecret().secret())));
    assertEquals(Optional.empty(), tokens.verify(jwt.serialize()));
    // the control: the same claims for our audience, same key, are a session
    SignedJWT ours = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256),
        new JWTClaimsSet.Builder(claims).audience(SessionTokens.AUDIENCE).build());
    ours.sign(new MACSigner(Base64.getDecoder().decode(storedSecret().secret())));
    assertTrue(tokens.verify(ours.serialize()).isPresent());
  }

  @Test
  void garbageIsNoSession() {
    assertEquals(Optional.empty(), tokens.verify(null));
    assertEquals(Optional.empty(), tokens.verify(""));
    assertEquals(Optional.empty(), tokens.verify("forged"));
    assertEquals(Optional.empty(), tokens.verify("a.b.c"));
  }

  @Test
  void theBrowserMustHoldTheBindingCookie() {
    SessionCookie.Binding binding = SessionCookie.create();
    BoundSession bound = tokens.verify(tokens.issue(ANNA, binding)).orElseThrow();
    String name = SessionCookie.PREFIX + binding.id();
    assertTrue(SessionCookie.matches(Map.of(name, new Cookie(name, binding.secret())), bound));
    assertFalse(SessionCookie.matches(Map.of(), bound), "another browser has no cookie");
    assertFalse(SessionCookie.matches(Map.of(name, new Cookie(name, SessionCookie.create().secret())), bound),
        "a cookie of the same name with another value");
    SessionCookie.Binding other = SessionCookie.create();
    String otherName = SessionCookie.PREFIX + other.id();
    assertFalse(SessionCookie.matches(Map.of(otherName, new Cookie(otherName, other.secret())), bound),
        "the browser's cookie of another session");
  }

  @Test
  void theBindingCookieIsPartitionedHttpOnlyAndLivesAsLongAsTheSession() {
    SessionCookie.Binding binding = SessionCookie.create();
    String header = SessionCookie.header(binding, java.time.Duration.ofMinutes(240));
    assertEquals(SessionCookie.PREFIX + binding.id() + "=" + binding.secret()
        + "; Path=/; Max-Age=14400; HttpOnly; Secure; SameSite=None; Partitioned", header);
  }

  @Test
  void withAKeyEncryptionSecretTheSigningSecretIsStoredEncrypted() {
    SessionTokens encrypting = SessionTokens.over(tx, withEncryption("operator secret"));
    String token = encrypting.issue(ANNA, SessionCookie.create());
    SharedSecret stored = storedSecret();
    assertTrue(stored.encrypted());
    String key = new KeyEncryption("operator secret").decrypt(stored.secret());
    assertEquals(32, Base64.getDecoder().decode(key).length);
    assertTrue(SessionTokens.over(tx, withEncryption("operator secret")).verify(token).isPresent(),
        "another instance with the same secret reads it");
  }

  @Test
  void aPlainSecretIsRefusedOnceEncryptionIsConfigured() {
    String plainToken = tokens.issue(ANNA, SessionCookie.create());
    String plain = storedSecret().secret();
    SessionTokens encrypting = SessionTokens.over(tx, withEncryption("operator secret"));
    assertEquals(Optional.empty(), encrypting.verify(plainToken), "sessions signed with the plain secret end");
    SharedSecret replaced = storedSecret();
    assertTrue(replaced.encrypted());
    assertNotEquals(plain, new KeyEncryption("operator secret").decrypt(replaced.secret()));
  }

  private SharedSecret storedSecret() {
    return tx.read(em -> em.find(SharedSecret.class, SessionTokens.SECRET_NAME));
  }

  private static JWTClaimsSet claimsLike(String token) {
    try {
      return SignedJWT.parse(token).getJWTClaimsSet();
    } catch (java.text.ParseException e) {
      throw new AssertionError(e);
    }
  }

  private static Settings withEncryption(String secret) {
    return new Settings() {
      @Override
      public Optional<String> keyEncryptionSecret() {
        return Optional.of(secret);
      }
    };
  }

  @Test
  void aBrowserKeepsAtMostEightSessionsAndTheOldestGoFirst() {
    Map<String, Cookie> jar = new java.util.HashMap<>();
    for (int i = 0; i < 8; i++) {
      SessionCookie.Binding binding = SessionCookie.create(Instant.parse("2026-12-01T10:00:00Z").plusSeconds(i));
      jar.put(SessionCookie.PREFIX + binding.id(), new Cookie(SessionCookie.PREFIX + binding.id(), binding.secret()));
    }
    String oldest = jar.keySet().stream().sorted().findFirst().orElseThrow();
    java.util.List<String> dropped = SessionCookie.dropOldest(jar);
    assertEquals(java.util.List.of(oldest + "=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=None; Partitioned"),
        dropped, "with the new one the browser keeps eight");
    assertEquals(java.util.List.of(), SessionCookie.dropOldest(Map.of()));
    assertTrue(SessionCookie.create(Instant.parse("2026-12-01T10:00:00Z")).id()
        .compareTo(SessionCookie.create(Instant.parse("2026-12-01T10:00:01Z")).id()) < 0, "ids sort by age");
  }
}

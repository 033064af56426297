package eu.somework.session;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import eu.somework.config.Settings;
import eu.somework.persistence.Transactor;
import eu.somework.persistence.KeyEncryption;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.text.ParseException;
import java.time.Clock;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Signs and checks tool session tokens: HS256 under a secret all instances share (stored
 * encrypted when {@code somework.key-encryption-secret} is set). A token names who launched
 * from where, never a name or a course title, and the browser cookie it is bound to. A token
 * that is forged, altered, expired, for another audience or signed with another algorithm is
 * simply not a session.
 */
@ApplicationScoped
public class SessionTokens {
  private static final Logger LOG = Logger.getLogger(SessionTokens.class.getName());
  static final String SECRET_NAME = "session-token-key";
  static final String AUDIENCE = "somework-session";
  /** Name of the token parameter in links and forms. */
  public static final String PARAM = "s";
  /** Header a script sends the token in (or {@code Authorization: Bearer}). */
  public static final String HEADER = "X-SomeWork-Session";
  /** The claim with the issue time in epoch milliseconds ({@code iat} has whole seconds). */
  static final String ISSUED_AT_MS = "issued_at_ms";

  @Inject Transactor tx;
  @Inject Settings settings;
  @Inject Clock clock;
  private volatile byte[] key;

  /** Session tokens over a transactor opened outside the container (tests, command-line tools). */
  public static SessionTokens over(Transactor tx, Settings settings) {
    SessionTokens tokens = new SessionTokens();
    tokens.tx = tx;
    tokens.settings = settings;
    tokens.clock = Clock.systemUTC();
    return tokens;
  }

  @Inject ActiveSessions active;

  /** A signed token for the session, bound to the browser holding {@code binding}'s cookie. */
  public String issue(ToolSession s, SessionCookie.Binding binding) {
    if (active != null) { // null outside a container
      active.started(s.expiresAt());
    }
    java.time.Instant now = clock.instant();
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
        .audience(AUDIENCE)
        .issueTime(Date.from(now))
        // iat is in whole seconds: an erasure ends the sessions issued before it to the millisecond
        .claim(ISSUED_AT_MS, now.toEpochMilli())
        .expirationTime(Date.from(s.expiresAt()))
        .claim("platform_issuer", s.issuer())
        .claim("client_id", s.clientId())
        .claim("deployment_id", s.deploymentId())
        .claim("role", s.role().name())
        .claim("context_id", s.contextId())
        .claim("binding_id", binding.id())
        .claim("binding_hash", binding.hash());
    s.userId().ifPresent(claims::subject);
    s.resourceLinkId().ifPresent(v -> claims.claim("resource_link_id", v));
    s.locale().ifPresent(v -> claims.claim("locale", v));
    s.unit().ifPresent(v -> claims.claim("unit", v));
    s.deepLinking().ifPresent(d -> {
      Map<String, Object> dl = new LinkedHashMap<>();
      dl.put("deep_link_return_url", d.returnUrl());
      d.data().ifPresent(v -> dl.put("data", v));
      dl.put("accept_multiple", d.acceptMultiple());
      dl.put("accept_lineitem", d.acceptLineItem());
      dl.put("accept_lti_resource_link", d.acceptsResourceLinks());
      claims.claim("deep_linking", dl);
    });
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
      jwt.sign(new MACSigner(key()));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot sign a session token", e);
    }
  }

  /** The session the token stands for and its browser binding, if it is genuine and not expired. */
  public Optional<BoundSession> verify(String token) {
    if (token == null || token.isBlank() || token.length() > 8_192) {
      return Optional.empty();
    }
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new MACVerifier(key()))) {
        return Optional.empty();
      }
      JWTClaimsSet c = jwt.getJWTClaimsSet();
      if (c.getAudience() == null || !c.getAudience().contains(AUDIENCE)
          || c.getExpirationTime() == null || !c.getExpirationTime().toInstant().isAfter(clock.instant())) {
        return Optional.empty();
      }
      ToolSession session = new ToolSession(
          c.getStringClaim("platform_issuer"), c.getStringClaim("client_id"), c.getStringClaim("deployment_id"),
          Optional.ofNullable(c.getSubject()), Optional.empty(), ToolRole.valueOf(c.getStringClaim("role")),
          c.getStringClaim("context_id"), Optional.empty(), opt(c, "resource_link_id"), Optional.empty(),
          opt(c, "locale"), opt(c, "unit"), deepLinking(c), c.getExpirationTime().toInstant());
      String bindingId = c.getStringClaim("binding_id");
      String bindingHash = c.getStringClaim("binding_hash");
      if (session.issuer() == null || session.deploymentId() == null || bindingId == null || bindingHash == null) {
        return Optional.empty();
      }
      Long issuedMs = c.getLongClaim(ISSUED_AT_MS);
      java.time.Instant issuedAt = issuedMs != null ? java.time.Instant.ofEpochMilli(issuedMs)
          : c.getIssueTime() != null ? c.getIssueTime().toInstant() : java.time.Instant.EPOCH;
      return Optional.of(new BoundSession(session, bindingId, bindingHash, issuedAt));
    } catch (ParseException | JOSEException | IllegalArgumentException | NullPointerException | ClassCastException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> opt(JWTClaimsSet c, String name) throws ParseException {
    return Optional.ofNullable(c.getStringClaim(name));
  }

  private static Optional<ToolSession.DeepLinkingReturn> deepLinking(JWTClaimsSet c) throws ParseException {
    Map<String, Object> dl = c.getJSONObjectClaim("deep_linking");
    if (dl == null) {
      return Optional.empty();
    }
    return Optional.of(new ToolSession.DeepLinkingReturn(
        (String) dl.get("deep_link_return_url"), Optional.ofNullable((String) dl.get("data")),
        Boolean.TRUE.equals(dl.get("accept_multiple")), Boolean.TRUE.equals(dl.get("accept_lineitem")),
        Boolean.TRUE.equals(dl.get("accept_lti_resource_link"))));
  }

  /**
   * A keyed hash of {@code value}, the same on every instance: HMAC-SHA256 under the shared secret,
   * over {@code purpose}, a zero byte and the value, in lower-case hex (64 characters). For what
   * instances must look up in the database but not store as it is, e.g. a client address, whose
   * plain SHA-256 anyone could reverse by hashing every IPv4 address. The purpose keeps the hashes
   * of different uses apart; a hash changes when the shared secret is replaced.
   */
  public String keyedHash(String purpose, String value) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new javax.crypto.spec.SecretKeySpec(key(), "HmacSHA256"));
      mac.update(purpose.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return java.util.HexFormat.of().formatHex(mac.doFinal(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  /** The shared HS256 key (also what {@link AdminSessionTokens} signs with, under another audience). */
  byte[] key() {
    byte[] k = key;
    if (k == null) {
      k = Base64.getDecoder().decode(loadOrCreateSecret());
      key = k;
    }
    return k;
  }

  /**
   * The shared secret, created by the first instance that needs it. With a key-encryption secret
   * configured, a secret stored in plain text is refused and replaced by a new, encrypted one
   * (sessions signed with the old one end: they are short-lived, and a leaked plain copy must
   * not stay valid).
   */
  private String loadOrCreateSecret() {
    Optional<KeyEncryption> encryption = settings == null ? Optional.empty()
        : settings.keyEncryptionSecret().map(KeyEncryption::new);
    Optional<SharedSecret> existing = tx.read(em -> Optional.ofNullable(em.find(SharedSecret.class, SECRET_NAME)));
    if (existing.isPresent()) {
      SharedSecret stored = existing.get();
      if (stored.encrypted()) {
        return encryption.orElseThrow(() -> new IllegalStateException(
            "The session-token secret is stored encrypted but somework.key-encryption-secret is not set."))
            .decrypt(stored.secret());
      }
      if (encryption.isEmpty()) {
        return stored.secret();
      }
      LOG.warning("The session-token secret was stored unencrypted although a key-encryption secret is set:"
          + " it is replaced by a new, encrypted one (open sessions end).");
    }
    byte[] random = new byte[32];
    new java.security.SecureRandom().nextBytes(random);
    String created = Base64.getEncoder().encodeToString(random);
    String storedForm = encryption.map(e -> e.encrypt(created)).orElse(created);
    try {
      tx.run(em -> {
        // locked: two instances replacing a plain secret at once must not each keep their own
        SharedSecret old = em.find(SharedSecret.class, SECRET_NAME, LockModeType.PESSIMISTIC_WRITE);
        if (old != null && !old.encrypted() && encryption.isPresent()) {
          old.replace(storedForm, true, clock.instant());
        } else if (old == null) {
          em.persist(new SharedSecret(SECRET_NAME, storedForm, encryption.isPresent(), clock.instant()));
        } else {
          throw new jakarta.persistence.EntityExistsException("created meanwhile");
        }
      });
      return created;
    } catch (RuntimeException raced) {
      // another instance created or replaced it first: use theirs
      SharedSecret theirs = tx.read(em -> em.find(SharedSecret.class, SECRET_NAME));
      return theirs.encrypted() ? encryption.orElseThrow().decrypt(theirs.secret()) : theirs.secret();
    }
  }
}

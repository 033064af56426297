package eu.somework.launch;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import eu.somework.persistence.Transactor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Clock;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Signs and checks tool session tokens (HS256 under a secret all instances share). A token that
 * is forged, altered or expired is simply not a session.
 */
@ApplicationScoped
public class SessionTokens {
  private static final String SECRET_NAME = "session-token-key";
  private static final String AUDIENCE = "somework-session";

  @Inject Transactor tx;
  @Inject Clock clock;
  private volatile byte[] key;

  public String issue(ToolSession s) {
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
        .audience(AUDIENCE)
        .issueTime(Date.from(clock.instant()))
        .expirationTime(Date.from(s.expiresAt()))
        .claim("plat", s.issuer())
        .claim("cid", s.clientId())
        .claim("dep", s.deploymentId())
        .claim("role", s.role().name())
        .claim("ctx", s.contextId());
    s.userId().ifPresent(v -> claims.subject(v));
    s.displayName().ifPresent(v -> claims.claim("name", v));
    s.contextTitle().ifPresent(v -> claims.claim("ctxt", v));
    s.resourceLinkId().ifPresent(v -> claims.claim("rl", v));
    s.resourceLinkTitle().ifPresent(v -> claims.claim("rlt", v));
    s.locale().ifPresent(v -> claims.claim("loc", v));
    s.unit().ifPresent(v -> claims.claim("unit", v));
    s.deepLinking().ifPresent(d -> {
      Map<String, Object> dl = new LinkedHashMap<>();
      dl.put("url", d.returnUrl());
      d.data().ifPresent(v -> dl.put("data", v));
      dl.put("multi", d.acceptMultiple());
      dl.put("li", d.acceptLineItem());
      dl.put("link", d.acceptsResourceLinks());
      claims.claim("dl", dl);
    });
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
      jwt.sign(new MACSigner(key()));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot sign a session token", e);
    }
  }

  /** The session the token stands for, if it is genuine and not expired. */
  public Optional<ToolSession> verify(String token) {
    if (token == null || token.isBlank() || token.length() > 16_384) {
      return Optional.empty();
    }
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new MACVerifier(key()))) {
        return Optional.empty();
      }
      JWTClaimsSet c = jwt.getJWTClaimsSet();
      if (c.getAudience() == null || !c.getAudience().contains(AUDIENCE)
          || c.getExpirationTime() == null || c.getExpirationTime().toInstant().isBefore(clock.instant())) {
        return Optional.empty();
      }
      return Optional.of(new ToolSession(
          c.getStringClaim("plat"), c.getStringClaim("cid"), c.getStringClaim("dep"),
          Optional.ofNullable(c.getSubject()), opt(c, "name"), ToolRole.valueOf(c.getStringClaim("role")),
          c.getStringClaim("ctx"), opt(c, "ctxt"), opt(c, "rl"), opt(c, "rlt"), opt(c, "loc"), opt(c, "unit"),
          deepLinking(c), c.getExpirationTime().toInstant()));
    } catch (ParseException | JOSEException | IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> opt(JWTClaimsSet c, String name) throws ParseException {
    return Optional.ofNullable(c.getStringClaim(name));
  }

  private static Optional<ToolSession.DeepLinkingReturn> deepLinking(JWTClaimsSet c) throws ParseException {
    Map<String, Object> dl = c.getJSONObjectClaim("dl");
    if (dl == null) {
      return Optional.empty();
    }
    return Optional.of(new ToolSession.DeepLinkingReturn(
        (String) dl.get("url"), Optional.ofNullable((String) dl.get("data")),
        Boolean.TRUE.equals(dl.get("multi")), Boolean.TRUE.equals(dl.get("li")),
        Boolean.TRUE.equals(dl.get("link"))));
  }

  private byte[] key() {
    byte[] k = key;
    if (k == null) {
      k = Base64.getDecoder().decode(loadOrCreateSecret());
      key = k;
    }
    return k;
  }

  private String loadOrCreateSecret() {
    Optional<String> existing = tx.read(em -> Optional.ofNullable(em.find(SharedSecret.class, SECRET_NAME))
        .map(SharedSecret::secret));
    if (existing.isPresent()) {
      return existing.get();
    }
    byte[] random = new byte[32];
    new java.security.SecureRandom().nextBytes(random);
    String created = Base64.getEncoder().encodeToString(random);
    try {
      tx.run(em -> em.persist(new SharedSecret(SECRET_NAME, created, clock.instant())));
      return created;
    } catch (RuntimeException raced) {
      // another instance created it first: use theirs
      return tx.read(em -> em.find(SharedSecret.class, SECRET_NAME).secret());
    }
  }
}

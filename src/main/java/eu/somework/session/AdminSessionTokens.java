package eu.somework.session;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * The tool administrators' console sessions: HS256 tokens under the secret every instance shares
 * (the one tool session tokens use), with their own audience {@value #AUDIENCE}, so a console
 * token is never a tool session and a tool session is never a console session. A session ends
 * after {@link #IDLE} without a request and at the latest {@link #MAXIMUM} after signing in; each
 * request renews the idle time. A session carries a random CSRF token its forms must send back.
 */
@ApplicationScoped
public class AdminSessionTokens {
  static final String AUDIENCE = "somework-admin";
  /** A console left alone this long needs a new sign-in. */
  public static final Duration IDLE = Duration.ofMinutes(30);
  /** However busy, a console session ends this long after its sign-in. */
  public static final Duration MAXIMUM = Duration.ofHours(8);

  @Inject SessionTokens sessions;

  /** Console tokens over the session tokens' shared secret, outside a container (tests). */
  public static AdminSessionTokens over(SessionTokens sessions) {
    AdminSessionTokens tokens = new AdminSessionTokens();
    tokens.sessions = sessions;
    return tokens;
  }

  /**
   * A signed-in administrator.
   *
   * @param csrfToken what the session's state-changing forms must carry
   */
  public record AdminSession(String user, Instant signedInAt, Instant expiresAt, String csrfToken) {
    /** The same session, renewed at {@code now}: idle time from now, never past the maximum. */
    public AdminSession renewedAt(Instant now) {
      return new AdminSession(user, signedInAt, expiry(signedInAt, now), csrfToken);
    }
  }

  /** A new session of {@code user} signed in at {@code now}, with a fresh CSRF token. */
  public static AdminSession start(String user, Instant now) {
    return new AdminSession(user, now, expiry(now, now), RandomTokens.next());
  }

  private static Instant expiry(Instant signedInAt, Instant now) {
    Instant idle = now.plus(IDLE);
    Instant maximum = signedInAt.plus(MAXIMUM);
    return idle.isBefore(maximum) ? idle : maximum;
  }

  /** The signed token of the session (the console cookie's value). */
  public String issue(AdminSession session) {
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .audience(AUDIENCE)
        .subject(session.user())
        .issueTime(Date.from(session.signedInAt()))
        .expirationTime(Date.from(session.expiresAt()))
        .claim("csrf", session.csrfToken())
        .build();
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
      jwt.sign(new MACSigner(sessions.key()));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot sign a console session", e);
    }
  }

  /** The session the token stands for, if it is genuine, a console token, and unexpired at {@code now}. */
  public Optional<AdminSession> verify(String token, Instant now) {
    if (token == null || token.isBlank() || token.length() > 4_096) {
      return Optional.empty();
    }
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new MACVerifier(sessions.key()))) {
        return Optional.empty();
      }
      JWTClaimsSet c = jwt.getJWTClaimsSet();
      if (c.getAudience() == null || !c.getAudience().equals(java.util.List.of(AUDIENCE))
          || c.getExpirationTime() == null || c.getIssueTime() == null || c.getSubject() == null
          || c.getStringClaim("csrf") == null) {
        return Optional.empty();
      }
      Instant signedIn = c.getIssueTime().toInstant();
      Instant expires = c.getExpirationTime().toInstant();
      if (!expires.isAfter(now) || expires.isAfter(signedIn.plus(MAXIMUM))) {
        return Optional.empty();
      }
      return Optional.of(new AdminSession(c.getSubject(), signedIn, expires, c.getStringClaim("csrf")));
    } catch (ParseException | JOSEException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}

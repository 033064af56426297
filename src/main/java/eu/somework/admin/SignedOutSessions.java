package eu.somework.admin;

import eu.somework.persistence.Transactor;
import eu.somework.session.AdminSessionTokens;
import eu.somework.session.AdminSessionTokens.AdminSession;
import eu.somework.session.RandomTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Console sessions ended by signing out ({@code admin_session_end}). A console session is a signed
 * cookie, which signing out removes from the browser only: a copy of its value would still open the
 * console until it expired. So the session is also recorded here, by the SHA-256 of its random CSRF
 * token (which names no one and stays the same while the session is renewed), and refused on every
 * instance; the record is dropped once the session could not be valid any more anyway.
 */
@ApplicationScoped
public class SignedOutSessions {
  @Inject Transactor tx;
  @Inject Clock clock;

  /** Ends {@code session} for good, here and on every instance. */
  public void end(AdminSession session) {
    String key = key(session);
    Instant now = clock.instant();
    // however often it is renewed, a console session ends at the latest this long after signing in
    Instant lastValid = session.signedInAt().plus(AdminSessionTokens.MAXIMUM);
    tx.run(em -> {
      em.createNativeQuery("DELETE FROM admin_session_end WHERE session_sha256 = ? OR expires_at < ?")
          .setParameter(1, key).setParameter(2, utc(now)).executeUpdate();
      em.createNativeQuery("INSERT INTO admin_session_end (session_sha256, expires_at) VALUES (?, ?)")
          .setParameter(1, key).setParameter(2, utc(lastValid)).executeUpdate();
    });
  }

  /** Whether {@code session} was signed out of. */
  public boolean ended(AdminSession session) {
    String key = key(session);
    return tx.read(em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM admin_session_end WHERE session_sha256 = ?")
        .setParameter(1, key).getSingleResult()).longValue() > 0);
  }

  private static String key(AdminSession session) {
    return RandomTokens.sha256(session.csrfToken());
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}

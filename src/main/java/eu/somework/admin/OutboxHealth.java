package eu.somework.admin;

import eu.somework.grading.ScoreOutbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/** The score outbox as administrators watch it: scores waiting, refused, and since when the oldest waits. */
@ApplicationScoped
public class OutboxHealth {
  @Inject ScoreOutbox outbox;

  /** The outbox's state now. */
  public record Health(long waiting, long failed, Optional<Instant> oldestWaitingSince) {}

  public Health now() {
    ScoreOutbox.Backlog backlog = outbox.backlog();
    return new Health(backlog.pending(), outbox.failedCount(), backlog.oldest());
  }
}

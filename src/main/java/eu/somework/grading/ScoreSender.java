package eu.somework.grading;

/**
 * Sends one score to the platform that owns its gradebook (AGS 2.0 §3.4). Called by the outbox
 * outside any database transaction, possibly again for the same entry after a crash: sending the
 * same score twice must be harmless, which its unchanged {@code timestamp} ensures.
 */
public interface ScoreSender {
  /** One attempt; never throws for what the platform answers, only for bugs. */
  DeliveryOutcome send(OutboxEntry.Snapshot entry);
}

package eu.somework.grading;

/** Where a score in the outbox stands. */
public enum OutboxState {
  /** Waiting for its next attempt. */
  PENDING,
  /** In the gradebook: the platform answered 2xx. */
  DELIVERED,
  /** Refused by the platform (4xx); waits for the teacher to retry after fixing the cause. */
  FAILED,
  /** Replaced by a newer score for the same user and link before it was sent: never sent. */
  SUPERSEDED,
  /** The platform already held a newer score (409): recorded, not retried. */
  OUTDATED
}

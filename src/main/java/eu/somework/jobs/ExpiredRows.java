package eu.somework.jobs;

/**
 * Rows of a feature that are of no use after a while, e.g. failed sign-ins whose window has passed.
 * The purge every minute ({@code launch.ExpiredLoginPurge}) deletes them for every bean of this
 * type, so a feature needs no job of its own and the purge need not know the feature.
 */
public interface ExpiredRows {
  /**
   * Deletes the rows that have expired, in a transaction of its own; harmless when instances run it
   * at once.
   *
   * @return how many rows it deleted
   */
  int purgeExpired();
}

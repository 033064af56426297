package eu.somework.persistence;

import jakarta.persistence.PersistenceException;
import java.util.function.Supplier;

/**
 * Find-or-insert by a natural key can lose a race: two tabs of one learner both insert the same
 * row, and the second commit fails on the primary key. Trying once more then finds the row and
 * takes the update path; a second failure is a real error and is thrown.
 */
public final class RaceRetry {
  private RaceRetry() {}

  public static <T> T once(Supplier<T> work) {
    try {
      return work.get();
    } catch (PersistenceException lostInsertRace) {
      return work.get();
    }
  }
}

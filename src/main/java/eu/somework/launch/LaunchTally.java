package eu.somework.launch;

import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Launch outcomes this instance has counted and not yet stored: the launch path adds to it in
 * memory (one atomic merge, no lock, no database), a background job moves it to the database with
 * {@link #flushTo}. Thread-safe. A flush stores a snapshot and then takes exactly what it stored
 * away, so outcomes counted while it runs wait for the next flush; a flush that fails takes nothing
 * away. The cells are bounded: registrations and their deployments (never strings a caller chose)
 * times outcomes.
 */
final class LaunchTally {
  /** The outcome of an accepted launch; a refusal's outcome is its {@code LtiFailure} name. */
  static final String ACCEPTED = "ACCEPTED";
  /** Issuer, client id and deployment id of refusals for no known registration, and of an unknown deployment. */
  static final String UNKNOWN = "";

  /** Where an outcome is counted: a registration's deployment (or {@link #UNKNOWN} parts), and the outcome. */
  record Cell(String issuer, String clientId, String deploymentId, String outcome) implements Comparable<Cell> {
    private static final Comparator<Cell> ORDER = Comparator.comparing(Cell::issuer).thenComparing(Cell::clientId)
        .thenComparing(Cell::deploymentId).thenComparing(Cell::outcome);

    Cell {
      Objects.requireNonNull(issuer);
      Objects.requireNonNull(clientId);
      Objects.requireNonNull(deploymentId);
      Objects.requireNonNull(outcome);
    }

    /** A refusal for no known registration: by outcome only. */
    static Cell unknownPlatform(String outcome) {
      return new Cell(UNKNOWN, UNKNOWN, UNKNOWN, outcome);
    }

    boolean of(String issuer, String clientId) {
      return this.issuer.equals(issuer) && this.clientId.equals(clientId);
    }

    /** One order for every instance, so that two flushes lock rows in the same order. */
    @Override
    public int compareTo(Cell other) {
      return ORDER.compare(this, other);
    }
  }

  /** How many outcomes, and when the last of them happened. */
  record Counts(long count, Instant lastAt) {
    Counts plus(Counts other) {
      return new Counts(count + other.count, lastAt.isAfter(other.lastAt) ? lastAt : other.lastAt);
    }

    /** What is left after {@code stored} went to the database; null (the cell goes) when nothing is. */
    Counts minus(Counts stored) {
      long left = count - stored.count;
      return left == 0 ? null : new Counts(left, lastAt);
    }
  }

  private final Map<Cell, Counts> pending = new ConcurrentHashMap<>();
  /** Readers see the database and this tally together without a flush between them counting twice. */
  private final ReadWriteLock flushing = new ReentrantReadWriteLock();

  /** Counts one outcome at {@code at}. */
  void add(Cell cell, Instant at) {
    pending.merge(cell, new Counts(1, at), Counts::plus);
  }

  /**
   * Hands what is pending to {@code store} (which writes it, or throws) and takes it away once
   * stored; one flush at a time. Returns how many outcomes were stored.
   */
  long flushTo(Consumer<Map<Cell, Counts>> store) {
    flushing.writeLock().lock();
    try {
      Map<Cell, Counts> snapshot = Map.copyOf(pending);
      if (snapshot.isEmpty()) {
        return 0;
      }
      store.accept(snapshot);
      snapshot.forEach((cell, stored) -> pending.computeIfPresent(cell, (c, now) -> now.minus(stored)));
      return snapshot.values().stream().mapToLong(Counts::count).sum();
    } finally {
      flushing.writeLock().unlock();
    }
  }

  /**
   * Runs {@code read} with what is pending, while no flush moves it: {@code read} may also read the
   * database and add both.
   */
  <T> T read(Function<Map<Cell, Counts>, T> read) {
    flushing.readLock().lock();
    try {
      return read.apply(Map.copyOf(pending));
    } finally {
      flushing.readLock().unlock();
    }
  }

  /** Forgets what is pending for a registration (it is being deleted). */
  void forget(String issuer, String clientId) {
    pending.keySet().removeIf(cell -> cell.of(issuer, clientId));
  }
}

package eu.somework.platform;

import eu.somework.persistence.DatabaseOutage;
import eu.somework.persistence.Transactor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The generation of the registrations: a number in the database (table {@code change_generation})
 * that every change to a registration — created, updated, switched off or on, deleted — raises by
 * one in the transaction of the change ({@link #recordIn}). It is how caches of what registrations
 * say follow an administrator's change on every instance of the tool at once, without a cluster
 * between the instances (docs/architecture.md, decision 13).
 *
 * <p><b>How a cache hooks in.</b> Ask {@link #current()} where the cache is read and make the
 * generation part of the cache key (or store it with the value and treat another generation as a
 * miss): an entry loaded under an older generation is then never used again, also when it was
 * being loaded while the change committed. Caches that only need to drop everything may register
 * {@link #onChange} instead; it runs the first time this instance reads a new generation, before
 * {@link #current()} returns it (an entry loaded concurrently under the old generation can survive
 * a listener: use the key where that matters).
 *
 * <p><b>Cost.</b> {@link #current()} reads one row by primary key. Inside a request it reads it at
 * most once (the servlet filter {@link RegistrationChangesPerRequest} opens the
 * scope); elsewhere (background jobs) each call reads it. A request that began after the change
 * committed reads the new generation, so "switched off on A" is refused on B at B's next request.
 */
@ApplicationScoped
public class RegistrationChanges {
  static final String TOPIC = "registrations";
  private static final String READ = "SELECT generation FROM change_generation WHERE topic = '" + TOPIC + "'";
  private static final String RAISE = "UPDATE change_generation SET generation = generation + 1 WHERE topic = '"
      + TOPIC + "'";
  private static final String FIRST = "INSERT INTO change_generation (topic, generation) VALUES ('" + TOPIC
      + "', 1)";
  /** The generation read in the request on this thread; null outside a request scope, {@code null[0]} before the first read. */
  private static final ThreadLocal<Long[]> REQUEST = new ThreadLocal<>();

  @Inject Transactor tx;

  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private final AtomicLong lastSeen = new AtomicLong(Long.MIN_VALUE);

  /** The changes over a database outside the container (tests, tools). */
  public static RegistrationChanges over(Transactor tx) {
    RegistrationChanges changes = new RegistrationChanges();
    changes.tx = tx;
    return changes;
  }

  /**
   * Raises the generation in the transaction of {@code em}: call it in every transaction that
   * changes a registration or its deployments, so the change and the new generation commit together.
   */
  public static void recordIn(EntityManager em) {
    if (em.createNativeQuery(RAISE).executeUpdate() == 0) {
      // the migration's row was deleted (by hand, or a test that empties every table): start again
      em.createNativeQuery(FIRST).executeUpdate();
    }
  }

  /**
   * The registrations' generation now: read from the database (once per request inside a request).
   * When it differs from the last one this instance read, the {@link #onChange} listeners run first.
   * While the database is unreachable, the last generation read (if any).
   */
  public long current() {
    Long[] memo = REQUEST.get();
    if (memo != null && memo[0] != null) {
      return memo[0];
    }
    long generation;
    try {
      generation = tx.read(em -> {
        List<?> rows = em.createNativeQuery(READ).getResultList();
        return rows.isEmpty() ? 0L : ((Number) rows.get(0)).longValue();
      });
    } catch (RuntimeException e) {
      long known = lastSeen.get();
      if (known == Long.MIN_VALUE || !DatabaseOutage.isCause(e)) {
        throw e;
      }
      // the database is unreachable, so nothing can have changed: the caches stay as they are, and
      // whatever this request needs from the database answers 503 itself (callers such as the
      // security headers' filter run outside the error mapping and would give a bare 500)
      return known;
    }
    if (memo != null) {
      memo[0] = generation;
    }
    long before = lastSeen.getAndSet(generation);
    if (before != generation && before != Long.MIN_VALUE) {
      listeners.forEach(Runnable::run);
    }
    return generation;
  }

  /**
   * Runs {@code listener} whenever this instance reads a generation newer than the last it read
   * (e.g. to forget a cache). It must be quick and must not throw.
   */
  public void onChange(Runnable listener) {
    listeners.add(listener);
  }

  /**
   * Opens a request scope on this thread: {@link #current()} reads the database at most once until
   * {@link #closeRequestScope}. A scope already open stays as it is.
   *
   * @return whether this call opened it (and its caller must close it)
   */
  static boolean openRequestScope() {
    if (REQUEST.get() != null) {
      return false;
    }
    REQUEST.set(new Long[1]);
    return true;
  }

  /** Closes the request scope on this thread. */
  static void closeRequestScope() {
    REQUEST.remove();
  }
}

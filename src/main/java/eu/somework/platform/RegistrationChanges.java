package eu.somework.platform;

import eu.somework.config.Settings;
import eu.somework.persistence.DatabaseOutage;
import eu.somework.persistence.PersistenceUnit;
import eu.somework.persistence.Transactor;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The generation of the registrations: a number that changes with every change to a registration —
 * created, updated, switched off or on, deleted — on any instance of the tool. It is how caches of
 * what registrations say follow an administrator's change on every instance without a cluster
 * between the instances (docs/architecture.md, decision 13).
 *
 * <p><b>How a cache hooks in.</b> Ask {@link #current()} where the cache is read and make the
 * generation part of the cache key (or store it with the value and treat another generation as a
 * miss): an entry loaded under an older generation is then never used again, also when it was
 * being loaded while the change committed. Caches that only need to drop everything may register
 * {@link #onChange} instead; it runs the first time this instance's {@link #current()} returns a
 * new generation, before it returns it (an entry loaded concurrently under the old generation can
 * survive a listener: use the key where that matters). Only changes are comparable: the number
 * itself means nothing across instances or restarts.
 *
 * <p><b>How a change reaches the generation.</b> Every change calls {@link #recordIn} in its own
 * transaction (a unit of {@link Transactor}). That raises the row of table {@code change_generation}
 * and, on PostgreSQL, sends a notification on {@link RegistrationFeed#CHANNEL}, which PostgreSQL
 * delivers to the listening instances when the transaction commits; and it raises this instance's
 * generation in memory right after the commit (never before it: a request that saw the new
 * generation before the commit could load the old data and keep it under the new generation; never
 * if it rolls back).
 *
 * <p><b>What {@link #current()} costs, and the guarantee.</b>
 * <ul>
 *   <li>H2 (an embedded file that one process owns, so one instance: several instances need
 *       PostgreSQL): nothing — the generation lives in memory and changes after each commit of a
 *       change. A change made by hand in the database raises nothing; the caches keep an answer no
 *       longer than their freshness (5 s, {@link RegistrationStatus#FRESHNESS}).</li>
 *   <li>PostgreSQL, while the feed listens ({@link RegistrationFeed}): nothing either. A change on
 *       instance A is seen by instance B within milliseconds of its commit, when B's listener has
 *       read the notification (B may answer requests in between with what it kept); at worst within
 *       {@link RegistrationFeed#RECHECK} (5 s) if a notification were lost, since the listener reads
 *       the row that often anyway. The instance making the change sees it at once.</li>
 *   <li>PostgreSQL, while the feed is down (database restarted, network, its connection
 *       terminated) or not yet connected: one row read by primary key per request (at most once
 *       inside a request, whose scope the servlet filter {@link RegistrationChangesPerRequest}
 *       opens; background jobs read per call), so a request that began after the change committed
 *       sees it — as before the feed existed. The feed reconnects every
 *       {@link RegistrationFeed#RETRY}, {@code LISTEN}s first, reads the row, and only then answers
 *       from memory again.</li>
 * </ul>
 * Inside a request the generation is the same for every call (the one the request first saw).
 */
@ApplicationScoped
public class RegistrationChanges {
  static final String TOPIC = "registrations";
  static final String READ = "SELECT generation FROM change_generation WHERE topic = '" + TOPIC + "'";
  private static final String RAISE = "UPDATE change_generation SET generation = generation + 1 WHERE topic = '"
      + TOPIC + "'";
  private static final String FIRST = "INSERT INTO change_generation (topic, generation) VALUES ('" + TOPIC
      + "', 1)";
  private static final String NOTIFY = "NOTIFY " + RegistrationFeed.CHANNEL;
  /** The generation read in the request on this thread; null outside a request scope, {@code null[0]} before the first read. */
  private static final ThreadLocal<Long[]> REQUEST = new ThreadLocal<>();
  /**
   * Changes this process committed, raised after each commit: one process holds one instance in
   * the container (tests outside it may make several over one database, which then all see them).
   */
  private static final AtomicLong COMMITTED_HERE = new AtomicLong();

  @Inject Transactor tx;
  @Inject Settings settings;
  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private final AtomicLong lastSeen = new AtomicLong(Long.MIN_VALUE);
  /** Raised whenever the row in the database shows another value than the last one read. */
  private final AtomicLong followed = new AtomicLong();
  /** The row's value last read (by a request or the feed); guarded by {@code this}. */
  private long row = Long.MIN_VALUE;
  /** Whether {@link #current()} answers from memory (H2; PostgreSQL while the feed listens). */
  private volatile boolean inMemory;
  private RegistrationFeed feed;

  /**
   * The changes over a database outside the container (tests, tools), from memory: they see the
   * changes this process commits, as on H2.
   */
  public static RegistrationChanges over(Transactor tx) {
    RegistrationChanges changes = new RegistrationChanges();
    changes.tx = tx;
    changes.inMemory = true;
    return changes;
  }

  /**
   * The changes over a PostgreSQL database outside the container, following it with a feed of
   * its own on a thread of {@code threads} (tests); {@link #stop()} ends it.
   */
  static RegistrationChanges following(Transactor tx, String url, String user, String password,
      ThreadFactory threads) {
    RegistrationChanges changes = new RegistrationChanges();
    changes.tx = tx;
    changes.feed = new RegistrationFeed(url, user, password, changes.follower());
    changes.feed.start(threads);
    return changes;
  }

  @PostConstruct
  void chooseSource() {
    inMemory = !PersistenceUnit.isPostgres(settings.databaseUrl());
  }

  /** On PostgreSQL, starts following other instances' changes once the tool has started. */
  void startFeed(@Observes Startup.ToolStarted started) {
    if (!inMemory && feed == null) {
      feed = new RegistrationFeed(settings.databaseUrl(), settings.databaseUser(), settings.databasePassword(),
          follower());
      feed.start(threads);
    }
  }

  /** Stops the feed, if there is one (the application stops). */
  @PreDestroy
  void stop() {
    if (feed != null) {
      feed.stop();
    }
  }

  /**
   * Records a change to a registration or its deployments in the transaction of {@code em}, which
   * must be the open unit of {@link Transactor}: raises the generation row, notifies the other
   * instances (PostgreSQL, delivered at the commit), and raises this instance's generation after
   * the commit. Call it in every transaction that changes a registration or its deployments.
   *
   * @throws IllegalStateException if no unit of {@link Transactor} is open on this thread
   */
  public static void recordIn(EntityManager em) {
    if (!Transactor.inUnit()) {
      throw new IllegalStateException("A registration change must be recorded inside Transactor.inTransaction.");
    }
    if (em.createNativeQuery(RAISE).executeUpdate() == 0) {
      // the migration's row was deleted (by hand, or a test that empties every table): start again
      em.createNativeQuery(FIRST).executeUpdate();
    }
    if (PersistenceUnit.isPostgres(em)) {
      em.createNativeQuery(NOTIFY).executeUpdate();
    }
    Transactor.afterCommit(COMMITTED_HERE::incrementAndGet);
  }

  /**
   * The registrations' generation now: from memory, or (PostgreSQL while the feed is down) read from
   * the database, once per request inside a request. When it differs from the last one this
   * instance answered, the {@link #onChange} listeners run first. While the database is unreachable,
   * the generation last known.
   */
  public long current() {
    Long[] memo = REQUEST.get();
    if (memo != null && memo[0] != null) {
      return memo[0];
    }
    if (!inMemory) {
      readRow();
    }
    long generation = COMMITTED_HERE.get() + followed.get();
    if (memo != null) {
      memo[0] = generation;
    }
    long before = lastSeen.getAndSet(generation);
    if (before != generation && before != Long.MIN_VALUE) {
      listeners.forEach(Runnable::run);
    }
    return generation;
  }

  private void readRow() {
    long now;
    try {
      now = tx.read(em -> {
        List<?> rows = em.createNativeQuery(READ).getResultList();
        return rows.isEmpty() ? 0L : ((Number) rows.get(0)).longValue();
      });
    } catch (RuntimeException e) {
      if (!DatabaseOutage.isCause(e)) {
        throw e;
      }
      // the database is unreachable, so nothing can have changed: the caches stay as they are, and
      // whatever this request needs from the database answers 503 itself (callers such as the
      // security headers' filter run outside the error mapping and would give a bare 500)
      return;
    }
    seen(now);
  }

  /** The row's value as a request or the feed read it: another value than before is a change. */
  synchronized void seen(long generation) {
    if (generation != row) {
      row = generation;
      followed.incrementAndGet();
    }
  }

  /** What the feed tells this instance: the row it read, and whether it listens. */
  private RegistrationFeed.Follower follower() {
    return new RegistrationFeed.Follower() {
      @Override
      public void feedUp(long generation) {
        seen(generation);
        inMemory = true;
      }

      @Override
      public void seen(long generation) {
        RegistrationChanges.this.seen(generation);
      }

      @Override
      public void feedDown() {
        inMemory = false;
      }
    };
  }

  /** Whether {@link #current()} answers from memory now (for tests of the feed). */
  boolean answersFromMemory() {
    return inMemory;
  }

  /**
   * Runs {@code listener} whenever this instance's {@link #current()} answers a generation other
   * than the last it answered (e.g. to forget a cache). It must be quick and must not throw.
   */
  public void onChange(Runnable listener) {
    listeners.add(listener);
  }

  /**
   * Opens a request scope on this thread: {@link #current()} answers the same generation (and reads
   * the database at most once) until {@link #closeRequestScope}. A scope already open stays as it is.
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

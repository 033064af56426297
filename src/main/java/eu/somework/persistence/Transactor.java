package eu.somework.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.RollbackException;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.Function;

/**
 * The tool's transaction boundary: runs a unit of work in one database transaction with one
 * {@link EntityManager}, committed when the outermost unit returns and rolled back when it throws.
 *
 * <p>Units compose. A call made while a unit is open on the current thread joins it: it gets the
 * same entity manager, sees the unit's writes, and commits or rolls back only with the outermost
 * unit. An exception thrown out of an inner unit marks the whole unit for rollback, even if an
 * outer caller catches it; the outermost unit then rolls back and throws a {@link RollbackException}
 * instead of committing half of the work. So "save the grade and queue the score" is one commit
 * when one unit calls both services. A service that is only ever called inside a unit may take its
 * entity manager from {@link #current()} instead of receiving one.
 *
 * <p>The unit is bound to the thread that opened it: work handed to another thread (a scheduled
 * job) runs in a unit of its own.
 */
@ApplicationScoped
public class Transactor {
  private static final ThreadLocal<Unit> OPEN = new ThreadLocal<>();

  @Inject Database database;

  /** A transactor over a factory opened outside the container, e.g. by a test or a command-line tool. */
  public static Transactor over(EntityManagerFactory factory) {
    Transactor transactor = new Transactor();
    transactor.database = Database.over(factory);
    return transactor;
  }

  /**
   * Runs {@code work} in the unit open on this thread, or in a new one; returns what it returns.
   *
   * @throws RuntimeException what {@code work} throws (the unit is then rolled back), or a
   *     {@link jakarta.persistence.PersistenceException} from the commit
   * @throws RollbackException if an inner unit failed and the work swallowed its exception
   */
  public <T> T inTransaction(Function<EntityManager, T> work) {
    EntityManagerFactory factory = database.factory();
    Unit open = OPEN.get();
    if (open != null && open.factory == factory) {
      return joined(open, work);
    }
    EntityManager em = factory.createEntityManager();
    EntityTransaction tx = em.getTransaction();
    Unit unit = new Unit(factory, em, open);
    OPEN.set(unit);
    try {
      tx.begin();
      T result = work.apply(em);
      if (unit.failure != null) { // rolled back below
        throw new RollbackException("The transaction was rolled back: part of its work failed"
            + " and the failure was caught inside it.", unit.failure);
      }
      tx.commit();
      unit.afterCommit.forEach(Runnable::run);
      return result;
    } finally {
      restore(unit.outer);
      if (tx.isActive()) {
        try {
          tx.rollback();
        } catch (RuntimeException rollbackFailed) {
          // e.g. the connection is gone: the work's own failure is the one to report
        }
      }
      em.close();
    }
  }

  /**
   * Find-or-insert by a natural key: loads the row of {@code type} with {@code key}, or creates one
   * with {@code create}; hands it to {@code change} (with {@code true} when it is new) and stores
   * it, in one unit of work. Two requests inserting the same row at once: the loser's duplicate-key
   * failure is retried once ({@link RaceRetry}), and then finds the winner's row.
   *
   * @return what {@code change} returned
   */
  public <E, R> R findOrInsert(Class<E> type, Object key, Supplier<E> create, BiFunction<E, Boolean, R> change) {
    return RaceRetry.once(() -> inTransaction(em -> {
      E row = em.find(type, key);
      boolean created = row == null;
      if (created) {
        row = create.get();
      }
      R result = change.apply(row, created);
      if (created) {
        em.persist(row);
      }
      return result;
    }));
  }

  /** Like {@link #inTransaction(Function)} for work with no result. */
  public void run(Consumer<EntityManager> work) {
    inTransaction(em -> {
      work.accept(em);
      return null;
    });
  }

  /**
   * Reads without a transaction of its own: inside a unit, with the unit's entity manager (so it
   * sees the unit's writes); otherwise with a fresh entity manager closed afterwards.
   */
  public <T> T read(Function<EntityManager, T> work) {
    EntityManagerFactory factory = database.factory();
    Unit open = OPEN.get();
    if (open != null && open.factory == factory) {
      return joined(open, work);
    }
    EntityManager em = factory.createEntityManager();
    try {
      return work.apply(em);
    } finally {
      em.close();
    }
  }

  /**
   * The entity manager of the unit open on this thread, for services that run inside one.
   *
   * @throws IllegalStateException if no unit is open on this thread
   */
  public static EntityManager current() {
    Unit open = OPEN.get();
    if (open == null) {
      throw new IllegalStateException(
          "No transaction is open on this thread: call this inside Transactor.inTransaction.");
    }
    return open.em;
  }

  /**
   * Runs {@code action} once the unit open on this thread has committed, never if it rolls back; at
   * once when no unit is open. For what may only be believed once stored, e.g. a cache of rows
   * written.
   */
  public static void afterCommit(Runnable action) {
    Unit open = OPEN.get();
    if (open == null) {
      action.run();
    } else {
      open.afterCommit.add(action);
    }
  }

  /** Whether a unit is open on this thread (a call to {@link #inTransaction} would join it). */
  public static boolean inUnit() {
    return OPEN.get() != null;
  }

  private static <T> T joined(Unit open, Function<EntityManager, T> work) {
    try {
      return work.apply(open.em);
    } catch (RuntimeException | Error e) {
      if (open.failure == null) {
        open.failure = e;
      }
      open.em.getTransaction().setRollbackOnly();
      throw e;
    }
  }

  private static void restore(Unit outer) {
    if (outer == null) {
      OPEN.remove();
    } else {
      OPEN.set(outer);
    }
  }

  /** A unit open on a thread; {@code outer} is one on another database that it interrupted. */
  private static final class Unit {
    final EntityManagerFactory factory;
    final EntityManager em;
    final Unit outer;
    /** The first exception thrown out of joined work: the unit can no longer commit. */
    Throwable failure;
    /** What {@link #afterCommit} queued. */
    final java.util.List<Runnable> afterCommit = new java.util.ArrayList<>();

    Unit(EntityManagerFactory factory, EntityManager em, Unit outer) {
      this.factory = factory;
      this.em = em;
      this.outer = outer;
    }
  }
}

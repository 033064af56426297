package eu.somework.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.util.function.Consumer;
import java.util.function.Function;

/** Runs a unit of work in one database transaction: committed when it returns, rolled back when it throws. */
@ApplicationScoped
public class Transactor {
  @Inject Database database;

  /** A transactor over a factory opened outside the container, e.g. by a test or a command-line tool. */
  public static Transactor over(EntityManagerFactory factory) {
    Transactor transactor = new Transactor();
    transactor.database = Database.over(factory);
    return transactor;
  }

  public <T> T inTransaction(Function<EntityManager, T> work) {
    EntityManager em = database.factory().createEntityManager();
    EntityTransaction tx = em.getTransaction();
    try {
      tx.begin();
      T result = work.apply(em);
      tx.commit();
      return result;
    } finally {
      if (tx.isActive()) {
        tx.rollback();
      }
      em.close();
    }
  }

  public void run(Consumer<EntityManager> work) {
    inTransaction(em -> {
      work.accept(em);
      return null;
    });
  }

  /** Reads without a transaction of its own. */
  public <T> T read(Function<EntityManager, T> work) {
    EntityManager em = database.factory().createEntityManager();
    try {
      return work.apply(em);
    } finally {
      em.close();
    }
  }
}

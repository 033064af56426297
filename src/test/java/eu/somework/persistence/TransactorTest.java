package eu.somework.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somework.platform.SigningKey;
import eu.somework.testsupport.DatabaseEngine;
import eu.somework.testsupport.MigratedDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.RollbackException;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Units of work that call each other are one transaction, on H2 and PostgreSQL: "save the grade
 * and queue the score" commits both or neither.
 */
@ParameterizedClass
@EnumSource(DatabaseEngine.class)
class TransactorTest {
  @Parameter DatabaseEngine engine;

  private MigratedDatabase db;
  /** Two services' transactors over one database, as the container gives each its own reference. */
  private Transactor grades;
  private Transactor scores;

  @BeforeEach
  void open() {
    db = MigratedDatabase.emptied(engine);
    grades = db.transactor();
    scores = db.transactor();
  }

  @Test
  void aUnitCalledInsideAnotherJoinsItAndBothCommitTogether() {
    Set<String> seenFromOutsideBeforeCommit = grades.inTransaction(em -> {
      em.persist(key("grade"));
      scores.run(inner -> {
        assertSame(em, inner, "the inner unit works with the outer unit's entity manager");
        inner.persist(key("score"));
      });
      em.flush(); // sent to the database, still uncommitted
      return committedKids();
    });

    assertEquals(Set.of(), seenFromOutsideBeforeCommit, "nothing is committed before the outermost unit ends");
    assertEquals(Set.of("grade", "score"), committedKids());
  }

  @Test
  void workQueuedAfterCommitRunsOnlyOnceTheOutermostUnitHasCommitted() {
    java.util.List<Set<String>> committedWhenRun = new java.util.ArrayList<>();
    grades.run(em -> {
      em.persist(key("grade"));
      scores.run(inner -> Transactor.afterCommit(() -> committedWhenRun.add(committedKids())));
      assertEquals(java.util.List.of(), committedWhenRun, "not while the unit is open");
    });

    assertEquals(java.util.List.of(Set.of("grade")), committedWhenRun);
  }

  @Test
  void workQueuedAfterCommitNeverRunsWhenTheUnitRollsBack() {
    java.util.List<String> ran = new java.util.ArrayList<>();
    assertThrows(IllegalStateException.class, () -> grades.run(em -> {
      Transactor.afterCommit(() -> ran.add("cache updated"));
      throw new IllegalStateException("the launch was refused");
    }));

    assertEquals(java.util.List.of(), ran);
    Transactor.afterCommit(() -> ran.add("outside a unit: at once"));
    assertEquals(java.util.List.of("outside a unit: at once"), ran);
  }

  @Test
  void anExceptionInAnInnerUnitRollsBackTheOuterOneEvenWhenCaught() {
    RollbackException rolledBack = assertThrows(RollbackException.class, () -> grades.run(em -> {
      em.persist(key("grade"));
      try {
        scores.run(inner -> {
          inner.persist(key("score"));
          throw new IllegalStateException("the platform refused the score");
        });
      } catch (IllegalStateException swallowed) {
        // an outer unit that carries on does not make the inner failure half a commit
      }
    }));

    assertEquals("the platform refused the score", rolledBack.getCause().getMessage());
    assertEquals(Set.of(), committedKids());
  }

  @Test
  void anExceptionOutOfAnInnerUnitReachesTheCallerAndNothingIsStored() {
    IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> grades.run(em -> {
      em.persist(key("grade"));
      scores.run(inner -> {
        throw new IllegalStateException("no line item");
      });
    }));

    assertEquals("no line item", thrown.getMessage());
    assertEquals(Set.of(), committedKids());
  }

  @Test
  void unitsRunOneAfterTheOtherCommitEachOnTheirOwn() {
    grades.run(em -> em.persist(key("grade")));

    assertThrows(IllegalStateException.class, () -> scores.run(em -> {
      em.persist(key("score"));
      throw new IllegalStateException("failed");
    }));

    assertEquals(Set.of("grade"), committedKids());
  }

  @Test
  void readsInsideAUnitSeeItsOwnWrites() {
    long counted = grades.inTransaction(em -> {
      em.persist(key("grade"));
      assertNotNull(scores.read(inner -> inner.find(SigningKey.class, "grade")));
      return scores.read(inner -> inner.createQuery("select count(k) from SigningKey k", Long.class)
          .getSingleResult());
    });

    assertEquals(1L, counted);
  }

  @Test
  void theCurrentEntityManagerIsTheOpenUnitsAndThereIsNoneOutsideOne() {
    EntityManager[] seen = new EntityManager[2];
    grades.run(em -> {
      seen[0] = em;
      seen[1] = Transactor.current();
      assertTrue(Transactor.inUnit());
    });

    assertSame(seen[0], seen[1]);
    assertFalse(Transactor.inUnit());
    assertThrows(IllegalStateException.class, Transactor::current);
  }

  @Test
  void aUnitThatThrowsLeavesNoUnitOpenOnTheThread() {
    assertThrows(IllegalStateException.class, () -> grades.run(em -> {
      throw new IllegalStateException("failed");
    }));

    assertFalse(Transactor.inUnit());
    grades.run(em -> em.persist(key("after")));
    assertEquals(Set.of("after"), committedKids());
  }

  private static SigningKey key(String kid) {
    return new SigningKey(kid, "tool", SigningKey.Status.CURRENT, "{}", false, Instant.now());
  }

  /** The keys another connection sees: asked on another thread, so no open unit is joined. */
  private Set<String> committedKids() {
    return CompletableFuture.supplyAsync(() -> db.transactor().read(em -> em.createQuery(
            "select k.kid from SigningKey k", String.class).getResultList()))
        .join().stream().collect(Collectors.toSet());
  }
}

package eu.somework.reflection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somework.course.CourseMembers;
import eu.somework.persistence.Transactor;
import eu.somework.progress.LearnerProgress;
import eu.somework.session.ToolSession;
import eu.somework.testsupport.DatabaseEngine;
import eu.somework.testsupport.MigratedDatabase;
import eu.somework.testsupport.Sessions;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The event grading hears a submission by: one per new version, none for the same text submitted
 * again, and inside the submitting transaction (an observer's failure undoes the version).
 */
class ReflectionSubmittedTest {
  private static final String UNIT = "data-protection";
  private final ToolSession anna = Sessions.student("u-anna", "Anna");
  private final List<ReflectionSubmitted> heard = new ArrayList<>();
  private Consumer<ReflectionSubmitted> observer = heard::add;
  private Reflections reflections;

  @BeforeEach
  void open() {
    Transactor tx = MigratedDatabase.emptied(DatabaseEngine.H2).transactor();
    reflections = Reflections.over(tx, LearnerProgress.over(tx, CourseMembers.over(tx), Clock.systemUTC()),
        Clock.systemUTC());
    reflections.submissions = new Observed();
  }

  @Test
  void eachNewVersionIsAnnouncedOnceAndTheSameTextAgainNot() {
    Reflections.SubmittedVersion first = reflections.submit(anna, UNIT, "<p>First</p>", Optional.empty());
    reflections.submit(anna, UNIT, "<p>First</p>", Optional.empty());
    Reflections.SubmittedVersion second = reflections.submit(anna, UNIT, "<p>Second</p>", Optional.empty());
    assertEquals(List.of(first, second), heard.stream().map(ReflectionSubmitted::version).toList());
    assertEquals(new CourseKey(Sessions.ISSUER, "client-1", "deployment-1", Sessions.COURSE),
        heard.get(0).version().course());
  }

  @Test
  void anObserverThatFailsUndoesTheSubmission() {
    observer = event -> {
      throw new IllegalStateException("the score could not be queued");
    };
    assertThrows(RuntimeException.class, () -> reflections.submit(anna, UNIT, "<p>Lost?</p>", Optional.empty()));
    assertTrue(reflections.mine(anna, UNIT).versions().isEmpty(), "no version without its score");
  }

  /** The container's synchronous event, reduced to what Reflections uses. */
  private final class Observed implements Event<ReflectionSubmitted> {
    @Override
    public void fire(ReflectionSubmitted event) {
      observer.accept(event);
    }

    @Override
    public <U extends ReflectionSubmitted> CompletionStage<U> fireAsync(U event) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <U extends ReflectionSubmitted> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Event<ReflectionSubmitted> select(Annotation... qualifiers) {
      return this;
    }

    @Override
    public <U extends ReflectionSubmitted> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <U extends ReflectionSubmitted> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
      throw new UnsupportedOperationException();
    }
  }
}

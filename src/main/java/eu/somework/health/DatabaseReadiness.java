package eu.somework.health;

import eu.somework.persistence.Transactor;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: the database answers {@code SELECT 1} within {@link #TIMEOUT}. The query runs on a
 * thread of its own, so a database that does not answer (a dropped network, a server that accepts and
 * stalls) holds no request thread longer than the timeout; while one probe still hangs, the next
 * answers DOWN at once instead of stacking another thread on it.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {
  static final String NAME = "database";
  /** Whether the start-up is done; always in tests outside the container. */
  private java.util.function.BooleanSupplier started = eu.somework.platform.Startup::done;
  static final Duration TIMEOUT = Duration.ofSeconds(2);

  @Inject Transactor tx;
  private final ExecutorService prober = Executors.newSingleThreadExecutor(runnable -> {
    Thread thread = new Thread(runnable, "somework-database-probe");
    thread.setDaemon(true);
    return thread;
  });
  private volatile Future<?> running = CompletableFuture.completedFuture(null);

  /** The check over the given database, outside a container (tests); {@link #close()} it after. */
  public static DatabaseReadiness over(Transactor tx) {
    DatabaseReadiness check = new DatabaseReadiness();
    check.started = () -> true;
    check.tx = tx;
    return check;
  }

  @Override
  public synchronized HealthCheckResponse call() {
    if (!started.getAsBoolean()) { // a probe while the application deploys: touch nothing yet
      return new CheckReport(NAME).down(CheckReport.STARTING);
    }
    var answer = new CheckReport(NAME).with("timeout-ms", TIMEOUT.toMillis());
    if (!running.isDone()) {
      return answer.down("The previous probe of the database has not come back yet.");
    }
    long start = System.nanoTime();
    Future<?> probe = prober.submit(() -> tx.read(em -> em.createNativeQuery("SELECT 1")
        .setHint("jakarta.persistence.query.timeout", (int) TIMEOUT.toMillis()).getSingleResult()));
    running = probe;
    try {
      probe.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      return answer.with("answered-ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).up();
    } catch (TimeoutException e) {
      return answer.down("The database did not answer within " + TIMEOUT.toMillis() + " ms.");
    } catch (ExecutionException e) {
      // the exception's kind, not its message: a driver's message may name hosts and users
      return answer.down("The database refused the query ("
          + e.getCause().getClass().getSimpleName() + ").");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return answer.down("Interrupted while waiting for the database.");
    }
  }

  /** Stops the probe thread (with the application). */
  @PreDestroy
  public void close() {
    prober.shutdownNow();
  }
}

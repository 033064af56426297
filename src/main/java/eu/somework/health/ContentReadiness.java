package eu.somework.health;

import eu.somework.content.ContentCatalogue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: the module's content loaded at least one unit. DOWN when none did, the usual cause
 * being a jar started away from its {@code module-content} folder without
 * {@code somework.content-dir}: such a tool would only tell every learner that nothing is available.
 */
@Readiness
@ApplicationScoped
public class ContentReadiness implements HealthCheck {
  static final String NAME = "module-content";
  /** Whether the start-up is done; always in tests outside the container. */
  private java.util.function.BooleanSupplier started = eu.somework.platform.Startup::done;

  @Inject ContentCatalogue catalogue;

  /** The check over the given catalogue, outside a container (tests). */
  public static ContentReadiness over(ContentCatalogue catalogue) {
    ContentReadiness check = new ContentReadiness();
    check.started = () -> true;
    check.catalogue = catalogue;
    return check;
  }

  @Override
  public HealthCheckResponse call() {
    if (!started.getAsBoolean()) { // a probe while the application deploys: touch nothing yet
      return new CheckReport(NAME).down(CheckReport.STARTING);
    }
    int units = catalogue.units().size();
    var answer = new CheckReport(NAME).with("units", units);
    if (units == 0) {
      return answer.down("No module units were loaded: check the content folder (setting somework.content-dir)"
          + " and the start-up log.");
    }
    return answer.up();
  }
}

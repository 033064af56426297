package eu.somework.platform;

import eu.somework.jobs.BackgroundJobs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Carries out the tool key's rotation steps when they fall due ({@link KeyRing#advance}), every
 * {@link #PERIOD} on every instance: the steps lock the keys, so each is taken once.
 */
@ApplicationScoped
public class KeyRotationJob {
  static final Duration PERIOD = Duration.ofSeconds(30);

  @Inject KeyRing keys;
  @Inject BackgroundJobs jobs;

  void onToolStarted(@Observes Startup.ToolStarted started) {
    keys.advance(KeyRing.TOOL);
    jobs.every(PERIOD, "signing-key rotation", () -> keys.advance(KeyRing.TOOL));
  }
}

package eu.somework.admin;

import eu.somework.platform.KeyRing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/** The tool's own signing keys as administrators see and rotate them ({@link KeyRing}, owner {@value KeyRing#TOOL}). */
@ApplicationScoped
public class ToolKeysAdmin {
  private static final Logger LOG = Logger.getLogger(ToolKeysAdmin.class.getName());

  @Inject KeyRing keys;
  @Inject AdminAudit audit;

  /** The tool's keys, newest first, without key material. */
  public List<KeyRing.KeyState> keys() {
    return keys.keys(KeyRing.TOOL);
  }

  /**
   * Asks for a rotation: the published NEXT key signs from the returned instant on (once it has
   * been published for the overlap), the current one stays published until what it signed expired.
   * Asking again while one waits returns the same instant.
   */
  public Instant rotate() {
    Instant activateAt = keys.scheduleRotation(KeyRing.TOOL);
    audit.record("KEY_ROTATION_ASKED", null, null, "the next key signs from " + ApiJson.time(activateAt));
    LOG.info(() -> "Key rotation asked for by a tool administrator: the next key signs from " + activateAt);
    return activateAt;
  }
}

package eu.somework.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.somework.platform.Startup;
import org.junit.jupiter.api.Test;

/**
 * The launcher ends a server whose tool did not start by reading the system property the tool sets
 * once started; the two sides cannot share the constant (the launcher uses the JDK alone), so they
 * must spell it alike.
 */
class LauncherStartedSignalTest {
  @Test
  void theLauncherReadsThePropertyTheToolSets() {
    assertEquals(Startup.STARTED_PROPERTY, Launcher.STARTED_PROPERTY);
  }
}

package eu.somework.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The grading benchmark ({@link GradingLoad}) once on tiny settings against the built jar, so that
 * its command cannot rot: two learners launch and submit, one teacher reads the grading list twice
 * and releases one grade, and the simulator's gradebook must hold exactly that grade (the driver
 * throws otherwise). Not a measurement. Port: it.platform.port + 8.
 */
class GradingLoadIT {
  private static final Path JAR = Path.of(System.getProperty("it.war", "target/ROOT.war")).resolveSibling("somework.jar");

  @Test
  void twoLearnersOneReleaseEndInTheGradebook() throws Exception {
    assertTrue(Files.isRegularFile(JAR), JAR + " is missing: the integration tests run after mvn package");
    Path target = JAR.getParent();
    Path out = target.resolve("bench-it-grading-result.md");
    Files.deleteIfExists(out);
    GradingLoad.main(new String[] {"--jar", JAR.toString(), "--content",
        System.getProperty("it.content.dir", "module-content"),
        "--port", Integer.toString(Integer.getInteger("it.platform.port", 18081) + 8),
        "--data", target.resolve("bench-it-grading-data").toString(), "--out", out.toString(),
        "--learners", "2", "--releases", "1", "--teachers", "1", "--list-requests", "2", "--list-warmup", "1",
        "--setup-threads", "1", "--seconds", "60"});
    assertTrue(Files.readString(out).contains("## Grading run "), Files.readString(out));
  }
}

package eu.somework.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The load driver ({@link LoadDriver}) once on tiny settings against the built jar on H2, so that
 * the benchmark's own command cannot rot: a few complete launches from its external platform at
 * concurrency 1 and 2, a few unit reads, every figure reported, and not one failed request. Not a
 * measurement (no time is asserted). Ports: it.platform.port + 6 (tool), + 7 (the driver's platform).
 */
class LoadDriverIT {
  private static final Path JAR = Path.of(System.getProperty("it.war", "target/ROOT.war")).resolveSibling("somework.jar");

  @Test
  void aFewLaunchesAndReadsFromAnExternalPlatformAllSucceedAndAreReported() throws Exception {
    assertTrue(Files.isRegularFile(JAR), JAR + " is missing: the integration tests run after mvn package");
    int port = Integer.getInteger("it.platform.port", 18081) + 6;
    Path target = JAR.getParent();
    LoadDriver.Summary run = LoadDriver.run("--jar", JAR.toString(), "--content",
        System.getProperty("it.content.dir", "module-content"), "--port", Integer.toString(port),
        "--data", target.resolve("bench-it-data").toString(), "--out", target.resolve("bench-it-result.md").toString(),
        "--concurrency", "1,2", "--seconds", "2", "--read-seconds", "1", "--warmup-seconds", "2",
        "--warmup-concurrency", "1", "--max-launches", "4", "--max-reads", "10", "--idle-seconds", "1", "--settle-seconds", "2",
        "--empty-app", "false");
    assertEquals(0, run.failures(), run.report());
    assertTrue(run.launches() >= 2, run.report());
    assertTrue(run.reads() >= 2, run.report());
    assertTrue(run.report().contains("| concurrency | launches | launches/s | p50 ms | p95 ms | p99 ms | max ms | errors"
        + " | tool CPU ms/launch | DB statements/launch |"), run.report());
    assertTrue(run.report().contains("| SoMe@Work (`GET /.well-known/jwks.json`) |"), run.report());
    assertTrue(run.report().contains(" for the JIT to settle: "), run.report());
    assertTrue(run.report().contains(" | load 1 min | JIT compilations |"), run.report());
  }
}

package eu.somework.session;

import eu.somework.testsupport.DatabaseEngine;
import eu.somework.testsupport.MigratedDatabase;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The tool session token: the real {@link SessionTokens}, outside the container. Its only CDI
 * dependency, the transactor, reads the HS256 key once from a migrated H2 database (as at the
 * first request after start); every measured call then works in memory, as in the server.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SessionTokenBenchmark {
  private SessionTokens tokens;
  private ToolSession session;
  private String token;
  private final SessionCookie.Binding binding = SessionCookie.create();

  @Setup
  public void setUp() {
    tokens = SessionTokens.over(MigratedDatabase.emptied(DatabaseEngine.H2).transactor(),
        new eu.somework.config.Settings());
    // a student's session after a Moodle launch, bound to a unit
    session = new ToolSession("https://moodle.example.edu", "kQ9vXy2LmN4pR7s", "1", Optional.of("41"),
        Optional.of("Aino Virtanen"), ToolRole.STUDENT, "27", Optional.of("Social media at work (autumn 2025)"),
        Optional.of("318"), Optional.of("Unit 2: Data protection at work"), Optional.of("fi"),
        Optional.of("data-protection"), Optional.empty(), Instant.now().plusSeconds(4 * 3600));
    token = tokens.issue(session, binding);
    if (!tokens.verify(token).orElseThrow().session().userId().equals(session.userId())) {
      throw new IllegalStateException("the token does not carry the session");
    }
    System.out.println("\nsession token length: " + token.length() + " characters");
  }

  /** What the launch does once: sign the session (HS256). */
  @Benchmark
  public String issue() {
    return tokens.issue(session, binding);
  }

  /** What every page request does: parse, check the HMAC, audience and expiry, rebuild the session. */
  @Benchmark
  public Optional<BoundSession> verify() {
    return tokens.verify(token);
  }

  /** Both, as a launch followed by its landing page. */
  @Benchmark
  public Optional<BoundSession> issueThenVerify() {
    return tokens.verify(tokens.issue(session, binding));
  }
}

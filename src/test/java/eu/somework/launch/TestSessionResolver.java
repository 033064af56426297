package eu.somework.launch;

import eu.somework.persistence.Transactor;
import java.time.Clock;

/** The real session resolver and token signer on a test database, for resource tests. */
public final class TestSessionResolver {
  private TestSessionResolver() {}

  public static SessionResolver on(Transactor tx) {
    SessionTokens tokens = new SessionTokens();
    tokens.tx = tx;
    tokens.clock = Clock.systemUTC();
    SessionResolver resolver = new SessionResolver();
    resolver.tokens = tokens;
    return resolver;
  }
}

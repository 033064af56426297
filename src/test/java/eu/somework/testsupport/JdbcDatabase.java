package eu.somework.testsupport;

/** Where a test database is and how to log in to it; {@code engine} names it in test reports. */
public record JdbcDatabase(String engine, String url, String user, String password) {
  @Override
  public String toString() {
    return engine;
  }
}

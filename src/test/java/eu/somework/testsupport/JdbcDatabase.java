package eu.somework.testsupport;

/** Where a test database is and how to log in to it; {@code engine} says which kind it is. */
public record JdbcDatabase(String engine, String url, String user, String password) {}

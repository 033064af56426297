package eu.somework.persistence;

import eu.somework.config.Settings;

/**
 * A fresh in-memory H2 database with the real migrations applied and the real persistence unit
 * opened, for tests of repositories and services without a server.
 */
public final class TestDatabase {
  private TestDatabase() {}

  public static Transactor open(String name) {
    Database database = new Database();
    database.settings = new Settings() {
      @Override
      public String databaseUrl() {
        return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
      }
    };
    database.open();
    Transactor transactor = new Transactor();
    transactor.database = database;
    return transactor;
  }
}

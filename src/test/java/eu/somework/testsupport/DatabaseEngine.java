package eu.somework.testsupport;

import java.nio.file.Path;

/**
 * The engines the tool supports: H2 in a file (the default, one instance) and PostgreSQL (production).
 * Tests that touch the database run on both, from the same migrations.
 */
public enum DatabaseEngine {
  H2 {
    @Override
    public JdbcDatabase createEmpty(Path folder) {
      // the URL the tool itself builds for its data folder (config.Settings)
      String url = "jdbc:h2:file:" + folder.resolve("somework").toString().replace('\\', '/')
          + ";DB_CLOSE_ON_EXIT=FALSE";
      return new JdbcDatabase("H2", url, "sa", "");
    }
  },
  POSTGRESQL {
    @Override
    public JdbcDatabase createEmpty(Path folder) {
      return PostgresServer.shared().createDatabase();
    }
  };

  /** A new database with nothing in it; {@code folder} is a fresh temporary folder the test owns. */
  public abstract JdbcDatabase createEmpty(Path folder);
}

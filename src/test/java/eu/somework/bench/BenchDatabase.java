package eu.somework.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The database the tool under load runs on, and how the driver counts the statements it executes.
 * <ul>
 *   <li><b>H2</b> (the default): the tool's file database opened with {@code AUTO_SERVER=TRUE}, so
 *       that the driver can connect beside the tool (H2 serves other processes over loopback TCP;
 *       the tool's own connections stay embedded). The driver switches on H2's
 *       {@code QUERY_STATISTICS} and sums {@code EXECUTION_COUNT} of
 *       {@code INFORMATION_SCHEMA.QUERY_STATISTICS}: every SQL statement any session executed,
 *       the driver's own queries left out. H2 counts a JDBC commit or rollback as a
 *       {@code COMMIT}/{@code ROLLBACK} statement: those are the transactions (statements run in
 *       auto-commit mode are in no transaction here), and not among the statements.</li>
 *   <li><b>PostgreSQL</b>: an embedded server (zonky, the tests' binaries) with default durability
 *       settings and the {@code pg_stat_statements} extension: statements are the sum of its
 *       {@code calls} in the tool's database without {@code BEGIN}/{@code COMMIT}/{@code ROLLBACK};
 *       transactions are {@code xact_commit + xact_rollback} of {@code pg_stat_database}.</li>
 * </ul>
 */
abstract class BenchDatabase implements AutoCloseable {
  /**
   * Counters at one moment: statements (without transaction control), transactions, and the
   * statements by their first word (SELECT, INSERT, …, COMMIT).
   */
  record Counts(long statements, long transactions, Map<String, Long> byKind) {
    Counts minus(Counts before) {
      Map<String, Long> kinds = new TreeMap<>(byKind);
      before.byKind.forEach((kind, n) -> kinds.merge(kind, -n, Long::sum));
      kinds.values().removeIf(n -> n == 0);
      return new Counts(statements - before.statements, transactions - before.transactions, kinds);
    }

    /** e.g. "SELECT 12.0, INSERT 2.0, COMMIT 3.0" per one of {@code n}. */
    String kindsPer(int n) {
      StringBuilder text = new StringBuilder();
      byKind.forEach((kind, count) -> text.append(text.length() == 0 ? "" : ", ")
          .append(String.format("%s %.1f", kind, (double) count / n)));
      return text.toString();
    }
  }

  private static final Set<String> TRANSACTION_CONTROL = Set.of("BEGIN", "COMMIT", "ROLLBACK", "START");

  /** Counts from (SQL, executions) rows; transactions = COMMIT + ROLLBACK when {@code transactions} is -1. */
  static Counts counts(ResultSet rows, long transactions) throws SQLException {
    Map<String, Long> kinds = new TreeMap<>();
    while (rows.next()) {
      kinds.merge(firstWord(rows.getString(1)), rows.getLong(2), Long::sum);
    }
    long statements = kinds.entrySet().stream().filter(e -> !TRANSACTION_CONTROL.contains(e.getKey()))
        .mapToLong(Map.Entry::getValue).sum();
    long ends = kinds.getOrDefault("COMMIT", 0L) + kinds.getOrDefault("ROLLBACK", 0L);
    return new Counts(statements, transactions < 0 ? ends : transactions, kinds);
  }

  /** System properties that put the tool on this database. */
  abstract Map<String, String> toolProperties();

  /** Connects the counter; called once the tool has started (and created the schema). */
  abstract void connect() throws SQLException;

  abstract Counts counts() throws SQLException;

  /** One line for the report: which database, and how statements are counted. */
  abstract String describe();

  static BenchDatabase h2(Path dataDir) {
    return new H2(dataDir);
  }

  /** An embedded PostgreSQL on {@code port} with an empty database {@code database} for the tool. */
  static BenchDatabase postgres(Path dataDir, int port, String database) throws IOException {
    return new Postgres(dataDir, port, database);
  }

  /** "SELECT", "INSERT", …: the statement's first word in upper case ("?" when it has none). */
  static String firstWord(String sql) {
    java.util.regex.Matcher word = java.util.regex.Pattern.compile("[A-Za-z]+").matcher(sql == null ? "" : sql.strip());
    return word.lookingAt() ? word.group().toUpperCase(java.util.Locale.ROOT) : "?";
  }

  private static final class H2 extends BenchDatabase {
    private final String url;
    private Connection connection;

    H2(Path dataDir) {
      // the tool's default file (Settings.databaseUrl) with AUTO_SERVER, which H2 allows only without
      // the default URL's DB_CLOSE_ON_EXIT=FALSE
      url = "jdbc:h2:file:" + dataDir.resolve("somework").toString().replace('\\', '/') + ";AUTO_SERVER=TRUE";
    }

    @Override
    Map<String, String> toolProperties() {
      return Map.of("somework.db.url", url);
    }

    @Override
    void connect() throws SQLException {
      connection = DriverManager.getConnection(url, "sa", "");
      try (Statement s = connection.createStatement()) {
        s.execute("SET QUERY_STATISTICS_MAX_ENTRIES 100000");
        s.execute("SET QUERY_STATISTICS TRUE");
      }
    }

    @Override
    Counts counts() throws SQLException {
      try (Statement s = connection.createStatement();
          ResultSet rs = s.executeQuery("SELECT SQL_STATEMENT, EXECUTION_COUNT FROM INFORMATION_SCHEMA.QUERY_STATISTICS"
              + " WHERE SQL_STATEMENT NOT LIKE '%QUERY_STATISTICS%'")) {
        return counts(rs, -1);
      }
    }

    @Override
    String describe() {
      return "H2 file database (" + org.h2.engine.Constants.FULL_VERSION + ", AUTO_SERVER=TRUE so the driver can"
          + " count); statements: SUM(EXECUTION_COUNT) of INFORMATION_SCHEMA.QUERY_STATISTICS without COMMIT/ROLLBACK;"
          + " transactions: the COMMIT and ROLLBACK statements (auto-commit statements are not counted)";
    }

    @Override
    public void close() throws SQLException {
      if (connection != null) {
        connection.close();
      }
    }
  }

  private static final class Postgres extends BenchDatabase {
    private final String database;
    private final EmbeddedPostgres server;
    private final int port;
    private Connection connection;

    Postgres(Path dataDir, int port, String database) throws IOException {
      this.port = port;
      this.database = database;
      server = EmbeddedPostgres.builder()
          .setPort(port)
          .setDataDirectory(dataDir)
          .setCleanDataDirectory(true)
          .setServerConfig("shared_preload_libraries", "pg_stat_statements")
          .setServerConfig("pg_stat_statements.max", "10000")
          .setServerConfig("pg_stat_statements.track", "all")
          .setPGStartupWait(Duration.ofSeconds(60))
          .start();
      try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE " + database + " TEMPLATE template0 ENCODING 'UTF8'");
      } catch (SQLException e) {
        throw new IOException("cannot create the tool's database", e);
      }
    }

    @Override
    Map<String, String> toolProperties() {
      return Map.of("somework.db.url", jdbcUrl(), "somework.db.user", "postgres");
    }

    private String jdbcUrl() {
      return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    @Override
    void connect() throws SQLException {
      connection = DriverManager.getConnection(jdbcUrl(), "postgres", "");
      connection.setAutoCommit(true);
      try (Statement s = connection.createStatement()) {
        s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
      }
    }

    @Override
    Counts counts() throws SQLException {
      long transactions;
      try (Statement s = connection.createStatement()) {
        s.execute("SELECT pg_stat_clear_snapshot()");
        try (ResultSet rs = s.executeQuery("SELECT xact_commit + xact_rollback FROM pg_stat_database"
            + " WHERE datname = '" + database + "'")) {
          rs.next();
          transactions = rs.getLong(1);
        }
        try (ResultSet rs = s.executeQuery("SELECT s.query, s.calls FROM pg_stat_statements s"
            + " JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = '" + database + "'"
            + " AND s.query NOT LIKE '%pg_stat%'")) {
          return counts(rs, transactions);
        }
      }
    }

    @Override
    String describe() {
      String version;
      try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SHOW server_version")) {
        rs.next();
        version = rs.getString(1);
      } catch (SQLException e) {
        version = "?";
      }
      return "PostgreSQL " + version + " (embedded, zonky binaries, default durability: fsync on); statements:"
          + " SUM(calls) of pg_stat_statements without BEGIN/COMMIT/ROLLBACK; transactions: xact_commit +"
          + " xact_rollback of pg_stat_database (each auto-commit statement counts as one)";
    }

    @Override
    public void close() throws IOException, SQLException {
      try {
        if (connection != null) {
          connection.close();
        }
      } finally {
        server.close();
      }
    }
  }
}

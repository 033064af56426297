package eu.somework.it;

import eu.somework.testsupport.JdbcDatabase;
import eu.somework.testsupport.PostgresServer;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The PostgreSQL database the tool under test runs on, one per test JVM: a real PostgreSQL server
 * with a database and an owner role that must give its password, as docs/postgresql.md tells an
 * operator to set up. Register it before {@code ArquillianExtension}: Arquillian reads
 * arquillian.xml, whose "payara-micro-postgres" container passes {@code it.db.url},
 * {@code it.db.user} and {@code it.db.password} to the tool, when the first test class starts,
 * so they must be set by then. The failsafe execution "postgres-it" selects that container.
 */
public final class PostgresDatabase implements BeforeAllCallback {
  static final String CONTAINER = "payara-micro-postgres";
  private static JdbcDatabase database;

  @Override
  public void beforeAll(ExtensionContext context) {
    get();
  }

  static synchronized JdbcDatabase get() {
    if (!CONTAINER.equals(System.getProperty("arquillian.launch"))) {
      throw new IllegalStateException("The *PostgresIT classes need -Darquillian.launch=" + CONTAINER
          + " (mvn verify sets it in the failsafe execution postgres-it)");
    }
    if (database == null) {
      byte[] secret = new byte[12];
      new SecureRandom().nextBytes(secret);
      String password = HexFormat.of().formatHex(secret); // made per run, dies with the server
      database = PostgresServer.shared().createDatabaseOwnedBy("somework", password);
      System.setProperty("it.db.url", database.url());
      System.setProperty("it.db.user", database.user());
      System.setProperty("it.db.password", database.password());
    }
    return database;
  }

  /** A new, empty database on the same server, owned by the same user as {@link #get()}'s. */
  static JdbcDatabase fresh() {
    return PostgresServer.shared().createAnotherDatabaseFor(get());
  }

  /** The rows a query returns, each column as text; connects as the tool's own database user. */
  static List<List<String>> rows(String sql, Object... parameters) throws SQLException {
    return rows(get(), sql, parameters);
  }

  /** The rows a query on {@code db} returns, each column as text. */
  static List<List<String>> rows(JdbcDatabase db, String sql, Object... parameters) throws SQLException {
    try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
        PreparedStatement query = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        query.setObject(i + 1, parameters[i]);
      }
      List<List<String>> rows = new ArrayList<>();
      try (ResultSet rs = query.executeQuery()) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          List<String> row = new ArrayList<>();
          for (int i = 1; i <= columns; i++) {
            row.add(rs.getString(i));
          }
          rows.add(row);
        }
      }
      return rows;
    }
  }
}

package eu.somework.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.HashMap;
import java.util.Map;

/**
 * Opens the persistence unit "somework" on a database whose schema the {@link Migrations} made.
 * The unit is read from its own file rather than persistence.xml so that the container does not
 * open it a second time with a server data source.
 */
public final class PersistenceUnit {
  static final String NAME = "somework";

  private PersistenceUnit() {}

  /** The JDBC driver class for the URL: PostgreSQL, or else H2 (the two engines the tool supports). */
  static String driverFor(String url) {
    return isPostgres(url) ? "org.postgresql.Driver" : "org.h2.Driver";
  }

  /** Whether the JDBC URL names a PostgreSQL database (else H2). */
  public static boolean isPostgres(String url) {
    return url.startsWith("jdbc:postgresql:");
  }

  /** Whether {@code em} works on a PostgreSQL database (else H2). */
  public static boolean isPostgres(EntityManager em) {
    Object url = em.getEntityManagerFactory().getProperties().get("jakarta.persistence.jdbc.url");
    return url != null && isPostgres(url.toString());
  }

  public static EntityManagerFactory open(String url, String user, String password) {
    return open(url, user, password, false);
  }

  /**
   * Opens the unit; with {@code countStatements} every SQL statement and commit is counted per
   * thread ({@link StatementCount}), for measuring a request's round trips.
   */
  public static EntityManagerFactory open(String url, String user, String password, boolean countStatements) {
    Map<String, Object> props = new HashMap<>();
    props.put("eclipselink.persistencexml", "META-INF/somework-persistence.xml");
    props.put("jakarta.persistence.jdbc.url", url);
    props.put("jakarta.persistence.jdbc.user", user);
    props.put("jakarta.persistence.jdbc.password", password);
    props.put("jakarta.persistence.jdbc.driver", driverFor(url));
    props.put("eclipselink.classloader", PersistenceUnit.class.getClassLoader());
    props.put("eclipselink.session.customizer", ConnectionRecovery.class.getName());
    if (countStatements) {
      props.put("eclipselink.session-event-listener", StatementCount.class.getName());
    }
    return Persistence.createEntityManagerFactory(NAME, props);
  }
}

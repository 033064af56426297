package eu.somework.persistence;

import eu.somework.config.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;
import org.flywaydb.core.Flyway;

/**
 * The tool's database: brings the schema up to date with the versioned migrations under
 * {@code db/migration} (the same scripts for H2 and PostgreSQL), then opens the persistence unit.
 * The unit is application-managed so that its connection comes from the tool's own configuration
 * (data folder or {@code somework.db.url}) rather than a server resource an operator must create.
 */
@ApplicationScoped
public class Database {
  private static final Logger LOG = Logger.getLogger(Database.class.getName());

  @Inject Settings settings;
  private EntityManagerFactory factory;

  @PostConstruct
  void open() {
    String url = settings.databaseUrl();
    try {
      if (url.startsWith("jdbc:h2:file:")) {
        Files.createDirectories(settings.dataDir());
      }
    } catch (java.io.IOException e) {
      throw new IllegalStateException("Cannot create the data folder " + settings.dataDir(), e);
    }
    int applied = Flyway.configure(Database.class.getClassLoader())
        .dataSource(url, settings.databaseUser(), settings.databasePassword())
        .locations("classpath:db/migration")
        .load()
        .migrate()
        .migrationsExecuted;
    LOG.info(() -> "Database schema up to date (" + applied + " migration(s) applied now).");
    Map<String, Object> props = new HashMap<>();
    props.put("eclipselink.persistencexml", "META-INF/somework-persistence.xml");
    props.put("jakarta.persistence.jdbc.url", url);
    props.put("jakarta.persistence.jdbc.user", settings.databaseUser());
    props.put("jakarta.persistence.jdbc.password", settings.databasePassword());
    props.put("jakarta.persistence.jdbc.driver",
        url.startsWith("jdbc:postgresql:") ? "org.postgresql.Driver" : "org.h2.Driver");
    props.put("eclipselink.classloader", Database.class.getClassLoader());
    factory = Persistence.createEntityManagerFactory("somework", props);
  }

  public EntityManagerFactory factory() {
    return factory;
  }

  @PreDestroy
  void close() {
    if (factory != null && factory.isOpen()) {
      factory.close();
    }
  }
}

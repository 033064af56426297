package eu.somework.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link ReflectionChecks} on the server as an institution runs it: PostgreSQL, key-encryption secret
 * set, simulator off, every limit at its default.
 */
@ExtendWith({PostgresDatabase.class, ArquillianExtension.class})
@RunAsClient
class ReflectionPostgresIT extends ReflectionChecks {
  @Deployment(testable = false)
  static WebArchive deploy() {
    return ToolDeployment.war();
  }
}

package eu.somework.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link AccessChecks} on the production configuration's pieces: PostgreSQL, the key-encryption
 * secret set (session secret and keys encrypted at rest), every limit at its default.
 */
@ExtendWith({PostgresDatabase.class, ArquillianExtension.class})
@RunAsClient
class AccessPostgresIT extends AccessChecks {
  @Deployment(testable = false)
  static WebArchive deploy() {
    return ToolDeployment.war();
  }
}

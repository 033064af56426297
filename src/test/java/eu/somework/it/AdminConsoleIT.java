package eu.somework.it;

import java.util.Map;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link AdminConsoleChecks} on the tool's embedded H2 database (whose file the server holds: the
 * rows left after a deletion are counted by {@link AdminConsolePostgresIT}, and per table by the
 * deletion's own answer here).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminConsoleIT extends AdminConsoleChecks {
  @Deployment(testable = false)
  static WebArchive deploy() {
    return ToolDeployment.war();
  }

  @Override
  Optional<Map<String, Long>> rowsNaming(String value) {
    return Optional.empty();
  }
}

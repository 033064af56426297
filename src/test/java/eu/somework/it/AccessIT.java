package eu.somework.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link AccessChecks} on the tool's embedded H2 database. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccessIT extends AccessChecks {
  @Deployment(testable = false)
  static WebArchive deploy() {
    return ToolDeployment.war();
  }

  @Override
  boolean simulatorEnabled() {
    return true;
  }
}

package eu.somework.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link GradingChecks} on the development server (embedded H2, simulator on). */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GradingIT extends GradingChecks {
  @Deployment(testable = false)
  static WebArchive deploy() {
    return ToolDeployment.war();
  }
}

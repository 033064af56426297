package eu.somework.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A new version of the tool started on the PostgreSQL database an earlier one left behind: the
 * migrations find nothing to do, and platforms keep trusting the same keys and registrations.
 */
@ExtendWith({PostgresDatabase.class, ArquillianExtension.class})
@RunAsClient
class RestartPostgresIT {
  private static final String MIGRATIONS =
      "SELECT installed_rank, version, checksum, success FROM flyway_schema_history ORDER BY installed_rank";
  private static final String REGISTRATIONS =
      "SELECT id, issuer, client_id FROM platform_registration ORDER BY id";

  @ArquillianResource Deployer deployer;

  @Deployment(name = "tool", managed = false, testable = false)
  static WebArchive deploy() {
    return ToolDeployment.war();
  }

  @Test
  void aRedeployOnTheExistingDatabaseKeepsKeysAndRegistrations() throws Exception {
    String keysBefore;
    List<List<String>> migrationsBefore;
    List<List<String>> registrationsBefore;
    deployer.deploy("tool");
    try {
      keysBefore = new Browser().get(MockPlatforms.TOOL + "/.well-known/jwks.json").body();
      migrationsBefore = PostgresDatabase.rows(MIGRATIONS);
      registrationsBefore = PostgresDatabase.rows(REGISTRATIONS);
    } finally {
      ToolDeployment.undeploy(deployer, "tool");
    }

    deployer.deploy("tool");
    try {
      Browser.Page keysAfter = new Browser().get(MockPlatforms.TOOL + "/.well-known/jwks.json");
      assertEquals(200, keysAfter.status());
      assertEquals(keysBefore, keysAfter.body(), "the same keys after a restart");
      assertFalse(migrationsBefore.isEmpty());
      assertEquals(migrationsBefore, PostgresDatabase.rows(MIGRATIONS), "no migration applied again");
      assertEquals(registrationsBefore, PostgresDatabase.rows(REGISTRATIONS), "the same registrations, none added");
      Browser.Page landing = LaunchFlowIT.launch(new Browser(), "a", "client-a1", "dep-1", "Learner");
      assertEquals(200, landing.status(), landing.body());
      assertEquals("Student", landing.fact("role"));
    } finally {
      ToolDeployment.undeploy(deployer, "tool");
    }
  }
}

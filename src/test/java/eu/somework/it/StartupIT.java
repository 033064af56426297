package eu.somework.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Start-up on a database that already exists (migrations run again, harmlessly; keys and
 * registrations survive), and with a malformed registration file among good ones.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StartupIT {
  @ArquillianResource Deployer deployer;

  @Deployment(name = "tool", managed = false, testable = false)
  static WebArchive deploy() {
    return ToolDeployment.war();
  }

  @Test
  void restartOnAnExistingDatabaseKeepsKeysAndRegistrations() throws Exception {
    deployer.deploy("tool");
    String keysBefore = new Browser().get(MockPlatforms.TOOL + "/.well-known/jwks.json").body();
    ToolDeployment.undeploy(deployer, "tool");
    deployer.deploy("tool");
    try {
      Browser.Page keysAfter = new Browser().get(MockPlatforms.TOOL + "/.well-known/jwks.json");
      assertEquals(200, keysAfter.status());
      assertEquals(keysBefore, keysAfter.body(), "the same keys after a restart");
      Browser.Page launch = LaunchFlowIT.launch(new Browser(), "b", "client-b", "1", "Learner");
      assertEquals("Student", launch.fact("role"));
    } finally {
      ToolDeployment.undeploy(deployer, "tool");
    }
  }

  @Test
  void aPlatformWhoseFileIsRemovedIsRevokedAtTheNextStart() throws Exception {
    MockPlatforms.get();
    java.nio.file.Path folder = java.nio.file.Path.of(System.getProperty("it.lti.config.dir"));
    java.nio.file.Path file = folder.resolve("platform-leaving.json");
    String issuer = MockPlatforms.issuer("leaving");
    java.nio.file.Files.writeString(file, "{\"name\": \"Mock platform that leaves\", \"issuer\": \"" + issuer
        + "\", \"clientId\": \"client-leaving\", \"deploymentIds\": [\"1\"], \"authorizationEndpoint\": \""
        + issuer + "/auth\", \"tokenEndpoint\": \"" + issuer + "/token\", \"jwksUri\": \"" + issuer + "/jwks\"}");
    try {
      deployer.deploy("tool");
      assertEquals(302, LtiLogin.start(new Browser(), "leaving", "client-leaving", "1").answer().status());
      ToolDeployment.undeploy(deployer, "tool");

      java.nio.file.Files.delete(file);
      deployer.deploy("tool");
      LtiLogin revoked = LtiLogin.start(new Browser().acceptJson(), "leaving", "client-leaving", "1");
      assertEquals(403, revoked.answer().status());
      assertEquals("UNKNOWN_ISSUER", revoked.answer().jsonField("error"));
      // the platforms whose files stay keep working
      assertEquals(302, LtiLogin.start(new Browser(), "b", "client-b", "1").answer().status());
    } finally {
      java.nio.file.Files.deleteIfExists(file);
      ToolDeployment.undeploy(deployer, "tool");
    }
  }

  @Test
  void aMalformedRegistrationFileIsSkippedAndTheOthersLoad() throws Exception {
    deployer.deploy("tool");
    try {
      MockPlatforms.get();
      LtiLogin broken = LtiLogin.start(new Browser().acceptJson(), "broken", null, "1");
      assertEquals(403, broken.answer().status());
      assertEquals("UNKNOWN_ISSUER", broken.answer().jsonField("error"));
      LtiLogin good = LtiLogin.start(new Browser(), "a", "client-a1", "dep-1");
      assertEquals(302, good.answer().status());
    } finally {
      ToolDeployment.undeploy(deployer, "tool");
    }
  }
}

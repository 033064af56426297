package eu.somework.it;

import java.io.File;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The WAR the build produced, deployed as it is (ROOT.war: served at the root context).
 *
 * <p>Arquillian's Payara Micro container ends a server with {@code Process.destroy()} and does not
 * wait for it to exit, so a server started right after (the next test class, or a redeploy) could
 * start while the old one still holds the port. Every deployment first waits for the port to be free.
 */
final class ToolDeployment {
  private static final int PORT = Integer.getInteger("it.port", 18080);
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private ToolDeployment() {}

  static WebArchive war() {
    awaitPortFree();
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war", "target/ROOT.war")));
  }

  /** Undeploys an unmanaged deployment and waits until its server has let go of the port. */
  static void undeploy(Deployer deployer, String name) {
    deployer.undeploy(name);
    awaitPortFree();
  }

  /** Waits until nothing listens on the tool's port any more (a server started before has stopped). */
  static void awaitPortFree() {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (System.nanoTime() < deadline) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("localhost", PORT), 500);
      } catch (ConnectException free) {
        return;
      } catch (IOException stillClosing) {
        // e.g. a timeout while the old server shuts down: ask again
      }
      pause();
    }
    throw new IllegalStateException("Port " + PORT + " is still taken after " + PATIENCE.toSeconds()
        + " s: is another server running there?");
  }

  private static void pause() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for port " + PORT, e);
    }
  }
}

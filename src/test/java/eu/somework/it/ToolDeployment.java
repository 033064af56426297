package eu.somework.it;

import java.io.File;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The WAR the build produced, deployed as it is (ROOT.war: served at the root context).
 *
 * <p>Arquillian's Payara Micro container ends a server with {@code Process.destroy()} and does not
 * wait for it to exit, so a server started right after (the next test class, or a redeploy) could
 * start while the old one still holds the port or, worse, the embedded database's file: the new
 * server then answers every request with a database error, and so does every server after it for
 * as long as the old process lingers. Every deployment first waits for the old server's process to
 * end (and ends it forcibly when it does not), then for the port to be free.
 */
final class ToolDeployment {
  private static final int PORT = Integer.getInteger("it.port", 18080);
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  /** How long a server that was asked to stop may take before it is killed. */
  private static final Duration STOP_GRACE = Duration.ofSeconds(30);
  private static final Pattern ON_OUR_PORT = Pattern.compile("--port\\s+" + PORT + "(\\s|$)");

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

  /**
   * Waits until the Payara Micro processes started for the tool's port have ended (killing one that
   * outlives {@link #STOP_GRACE}) and nothing listens on the port any more.
   */
  static void awaitPortFree() {
    awaitOldServersEnded();
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

  private static void awaitOldServersEnded() {
    String microJar = System.getProperty("it.micro.jar", "payara-micro");
    List<ProcessHandle> servers = ProcessHandle.allProcesses()
        .filter(p -> p.pid() != ProcessHandle.current().pid())
        .filter(p -> p.info().commandLine().filter(c -> c.contains(microJar) && ON_OUR_PORT.matcher(c).find()).isPresent())
        .toList();
    for (ProcessHandle server : servers) {
      try {
        server.onExit().get(STOP_GRACE.toSeconds(), TimeUnit.SECONDS);
      } catch (TimeoutException stillRunning) {
        System.err.println("The Payara Micro server " + server.pid() + " on port " + PORT + " did not stop within "
            + STOP_GRACE.toSeconds() + " s of being asked to: killed, so that it lets go of the port and the database");
        server.destroyForcibly();
        try {
          server.onExit().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
          throw new IllegalStateException("The Payara Micro server " + server.pid() + " on port " + PORT
              + " survived being killed", e);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("Interrupted while waiting for server " + server.pid() + " to end", e);
        }
      } catch (ExecutionException e) {
        throw new IllegalStateException("Cannot wait for server " + server.pid() + " to end", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for server " + server.pid() + " to end", e);
      }
    }
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

package eu.somework.lti;

import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A platform's key set URL on 127.0.0.1 (a free port), standing in for the LMS. What it answers
 * can be changed between requests, and it counts the requests it gets.
 */
final class JwksServer implements AutoCloseable {
  private final HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();
  private volatile int status = 200;
  private volatile String body = "{\"keys\":[]}";
  private volatile String cacheControl;
  private volatile Duration delay = Duration.ZERO;
  private volatile Duration drip = Duration.ZERO;
  private final java.util.Map<String, String> headers = new java.util.concurrent.ConcurrentHashMap<>();

  JwksServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/mod/lti/certs.php", exchange -> {
      requests.incrementAndGet();
      pause();
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      if (cacheControl != null) {
        exchange.getResponseHeaders().set("Cache-Control", cacheControl);
      }
      headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
      exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        if (drip.isZero()) {
          out.write(bytes);
        } else {
          for (byte b : bytes) {
            out.write(b);
            out.flush();
            sleep(drip);
          }
        }
      } catch (IOException clientGaveUp) {
        // the tool stopped reading: nothing to do
      }
    });
    server.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/mod/lti/certs.php");
  }

  JwksServer serve(JWKSet keys) {
    // the public view, as a platform publishes it
    return serve(200, keys.toString(true));
  }

  JwksServer serve(int status, String body) {
    this.status = status;
    this.body = body;
    return this;
  }

  JwksServer cacheControl(String value) {
    this.cacheControl = value;
    return this;
  }

  /** Adds a response header to every answer. */
  JwksServer header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  /** Sends the body one byte per {@code interval}, like a platform that trickles its answer. */
  JwksServer drip(Duration interval) {
    this.drip = interval;
    return this;
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Answers every request only after this delay, like a slow LMS. */
  JwksServer delay(Duration by) {
    this.delay = by;
    return this;
  }

  private void pause() {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  int requests() {
    return requests.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

package eu.somework.lti;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A platform's service endpoints on 127.0.0.1 (a free port), standing in for the LMS in the
 * service-client tests. Like Moodle it is strict about media types: a route that names the
 * Content-Type or Accept it serves answers 400 to any other (a plain {@code application/json}
 * included). It records every request it gets.
 */
public final class FakeLms implements AutoCloseable {
  /** A request as the fake platform saw it. */
  public record Request(String method, URI uri, Map<String, List<String>> headers, String body) {
    public String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }
  }

  /** What to answer: status, headers, body (may be null for none), and a delay before it. */
  public record Reply(int status, Map<String, String> headers, String body, Duration delay) {
    public static Reply json(int status, String body) {
      return new Reply(status, Map.of("Content-Type", "application/json"), body, Duration.ZERO);
    }

    public static Reply of(int status, String contentType, String body) {
      return new Reply(status, Map.of("Content-Type", contentType), body, Duration.ZERO);
    }

    public Reply with(String header, String value) {
      Map<String, String> more = new java.util.LinkedHashMap<>(headers);
      more.put(header, value);
      return new Reply(status, more, body, delay);
    }

    public Reply after(Duration wait) {
      return new Reply(status, headers, body, wait);
    }
  }

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Map<String, Function<Request, Reply>> routes = new ConcurrentHashMap<>();
  private final Map<String, String[]> mediaTypes = new ConcurrentHashMap<>();

  public FakeLms() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
  }

  /** http://127.0.0.1:port + path (path may carry a query). */
  public URI url(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
  }

  /**
   * Answers {@code method path} (query ignored) with {@code reply}; when {@code contentType} or
   * {@code accept} is not null, a request without exactly that media type gets 400.
   */
  public FakeLms route(String method, String path, String contentType, String accept, Function<Request, Reply> reply) {
    routes.put(method + " " + path, reply);
    mediaTypes.put(method + " " + path, new String[] {contentType, accept});
    return this;
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  public Request last() {
    return requests.get(requests.size() - 1);
  }

  private void handle(HttpExchange exchange) throws IOException {
    Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI(),
        Map.copyOf(exchange.getRequestHeaders()),
        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    requests.add(request);
    String key = request.method() + " " + request.uri().getPath();
    Function<Request, Reply> route = routes.get(key);
    Reply reply;
    if (route == null) {
      reply = Reply.of(404, "text/plain", "No such service");
    } else {
      String[] types = mediaTypes.get(key);
      if (types[0] != null && !types[0].equals(request.header("Content-Type"))) {
        reply = Reply.of(400, "text/plain", "Incorrect content type");
      } else if (types[1] != null && !types[1].equals(request.header("Accept"))) {
        reply = Reply.of(400, "text/plain", "Incorrect Accept header");
      } else {
        reply = route.apply(request);
      }
    }
    try {
      if (!reply.delay().isZero()) {
        Thread.sleep(reply.delay().toMillis());
      }
      reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
      byte[] bytes = reply.body() == null ? new byte[0] : reply.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    } catch (IOException | InterruptedException clientGaveUp) {
      // the tool stopped waiting: nothing to do
    } finally {
      exchange.close();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

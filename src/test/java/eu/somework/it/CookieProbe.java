package eu.somework.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A tiny site that shows whether a browser keeps cookies in a cross-site iframe: /top (opened as
 * 127.0.0.1) frames /set on localhost, which sets an unpartitioned and a partitioned cookie, then
 * /echo shows which of them came back.
 */
final class CookieProbe implements AutoCloseable {
  private final HttpServer server;

  CookieProbe() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/top", e -> html(e, 200,
        "<iframe id=\"probe\" title=\"probe\" src=\"" + crossSite() + "/set\"></iframe>"));
    server.createContext("/set", e -> {
      e.getResponseHeaders().add("Set-Cookie", "plain=1; Path=/; SameSite=None; Secure");
      e.getResponseHeaders().add("Set-Cookie", "chips=1; Path=/; SameSite=None; Secure; Partitioned");
      e.getResponseHeaders().add("Location", "/echo");
      e.sendResponseHeaders(302, -1);
      e.close();
    });
    server.createContext("/echo", e -> html(e, 200,
        "<p id=\"cookies\">[" + String.valueOf(e.getRequestHeaders().getFirst("Cookie")) + "]</p>"));
    server.start();
  }

  /** The embedding page's site. */
  String topSite() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The framed site: another site than {@link #topSite()} for the browser. */
  String crossSite() {
    return "http://localhost:" + server.getAddress().getPort();
  }

  private static void html(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = ("<!DOCTYPE html><html lang=\"en\"><title>probe</title>" + body + "</html>")
        .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

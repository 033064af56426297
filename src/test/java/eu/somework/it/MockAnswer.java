package eu.somework.it;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** An answer of a mock platform's service: status, media type (null for none) and body (empty for none). */
record MockAnswer(int status, String contentType, String body) {
  /** An OAuth-style error answer ({@code {"error": "…"}}). */
  static MockAnswer error(int status, String error) {
    return new MockAnswer(status, "application/json", JSONObjectUtils.toJSONString(Map.of("error", error)));
  }

  void send(HttpExchange exchange) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    if (contentType != null) {
      exchange.getResponseHeaders().add("Content-Type", contentType);
    }
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
    exchange.close();
  }
}

package eu.somework.lti;

import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** Fetches a platform's JSON Web Key Set over HTTP and reads how long it may be cached. */
public class JwksFetcher {
  static final int MAX_BODY_BYTES = 512 * 1024;
  private final HttpClient http;
  private final Duration timeout;

  public JwksFetcher(Duration timeout) {
    this.timeout = timeout;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  /** A fetched key set and the max-age its response allowed, if it said one. */
  public record Fetched(JWKSet keys, Optional<Duration> maxAge) {}

  public Fetched fetch(URI jwksUri) throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(jwksUri)
            .timeout(timeout)
            .header("Accept", "application/json")
            .GET()
            .build();
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while fetching the key set", e);
    } catch (IOException e) {
      // the reason ends up on the error page: plain words, never a Java class name
      throw new IOException("no answer from " + jwksUri.getHost() + ": " + plainReason(e), e);
    }
    if (response.statusCode() != 200) {
      throw new IOException("the key set URL answered HTTP " + response.statusCode());
    }
    if (response.body().length > MAX_BODY_BYTES) {
      throw new IOException("the key set is larger than " + MAX_BODY_BYTES + " bytes");
    }
    try {
      JWKSet keys = JWKSet.parse(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
      return new Fetched(keys.toPublicJWKSet(), maxAge(response.headers().firstValue("Cache-Control")));
    } catch (ParseException e) {
      throw new IOException("the key set is not a valid JWKS document", e);
    }
  }

  private static String plainReason(IOException e) {
    if (e instanceof java.net.ConnectException) {
      return "connection refused";
    }
    if (e instanceof java.net.http.HttpTimeoutException) {
      return "timed out";
    }
    if (e instanceof java.net.UnknownHostException) {
      return "unknown host";
    }
    return e.getMessage() == null ? "connection failed" : e.getMessage();
  }

  static Optional<Duration> maxAge(Optional<String> cacheControl) {
    if (cacheControl.isEmpty()) {
      return Optional.empty();
    }
    for (String directive : cacheControl.get().toLowerCase(Locale.ROOT).split(",")) {
      String d = directive.trim();
      if (d.equals("no-store") || d.equals("no-cache")) {
        return Optional.of(Duration.ZERO);
      }
      if (d.startsWith("max-age=")) {
        try {
          return Optional.of(Duration.ofSeconds(Long.parseLong(d.substring(8).trim())));
        } catch (NumberFormatException ignored) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }
}

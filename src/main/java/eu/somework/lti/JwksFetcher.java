package eu.somework.lti;

import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Fetches a platform's JSON Web Key Set over HTTP and reads how long it may be cached.
 *
 * <p>Hardened for a URL that an administrator typed and a server the tool does not control: the
 * URL must be https except on loopback ({@link PlatformEndpoints}); redirects are not followed (a
 * key set that moved is a registration to update, not a hop to take); the body is read only up to
 * {@link #MAX_BODY_BYTES}; connecting and the whole exchange each have a timeout, so a slow
 * platform holds a thread for a bounded time.
 */
public class JwksFetcher {
  /** A key set of a handful of RSA keys is 2–5 KB; 64 KiB leaves room for dozens. */
  static final int MAX_BODY_BYTES = 64 * 1024;
  private final HttpClient http;
  private final Duration timeout;

  /** Connect and whole-exchange timeout alike. */
  public JwksFetcher(Duration timeout) {
    this(timeout, timeout);
  }

  /**
   * @param connectTimeout how long to wait for the TCP/TLS connection
   * @param timeout how long the whole exchange may take, body included
   */
  public JwksFetcher(Duration connectTimeout, Duration timeout) {
    this.timeout = timeout;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** A fetched key set and the max-age its response allowed, if it said one. */
  public record Fetched(JWKSet keys, Optional<Duration> maxAge) {}

  /**
   * Fetches the key set at {@code jwksUri}.
   *
   * @return its public keys and the max-age its Cache-Control allowed
   * @throws IOException with a plain-words reason (shown on the error page): a URL that is not
   *     https, no answer, a status other than 200 (redirects included), a body over
   *     {@link #MAX_BODY_BYTES}, or a body that is not a JWKS document
   */
  public Fetched fetch(URI jwksUri) throws IOException {
    if (!PlatformEndpoints.isAllowed(jwksUri)) {
      throw new IOException("the key set URL " + PlatformEndpoints.rule());
    }
    HttpRequest request =
        HttpRequest.newBuilder(jwksUri)
            .timeout(timeout)
            .header("Accept", "application/json")
            .GET()
            .build();
    HttpResponse<byte[]> response;
    // the whole exchange, body included, within the timeout: HttpRequest.timeout alone stops at
    // the headers, and a platform that drips its body would hold the thread
    CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request, JwksFetcher::cappedBody);
    try {
      response = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while fetching the key set", e);
    } catch (TimeoutException e) {
      exchange.cancel(true);
      throw new IOException("no answer from " + jwksUri.getHost() + ": timed out", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof CappedBody.TooLarge tooLarge) {
        throw new IOException("the key set is " + tooLarge.getMessage(), tooLarge);
      }
      // the reason ends up on the error page: plain words, never a Java class name
      throw new IOException("no answer from " + jwksUri.getHost() + ": " + plainReason(e.getCause()), e);
    }
    if (response.statusCode() >= 300 && response.statusCode() < 400) {
      throw new IOException("the key set URL answered HTTP " + response.statusCode()
          + " (a redirect, which the tool does not follow: register the key set's final URL)");
    }
    if (response.statusCode() != 200) {
      throw new IOException("the key set URL answered HTTP " + response.statusCode());
    }
    byte[] body = response.body();
    try {
      JWKSet keys = JWKSet.parse(new String(body, StandardCharsets.UTF_8));
      return new Fetched(keys.toPublicJWKSet(), maxAge(response.headers().firstValue("Cache-Control")));
    } catch (ParseException e) {
      throw new IOException("the key set is not a valid JWKS document", e);
    }
  }

  /** A 200 body read up to the cap (larger fails at once); any other status's body is discarded. */
  private static HttpResponse.BodySubscriber<byte[]> cappedBody(HttpResponse.ResponseInfo info) {
    if (info.statusCode() != 200) {
      return HttpResponse.BodySubscribers.replacing(new byte[0]);
    }
    return CappedBody.whole(MAX_BODY_BYTES, info);
  }

  static String plainReason(Throwable e) {
    if (unknownHost(e)) {
      return "unknown host";
    }
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

  /**
   * Whether the failure is a host name that does not resolve: the JDK's HTTP client reports it as a
   * {@link java.net.ConnectException} caused by an {@link java.nio.channels.UnresolvedAddressException}.
   */
  static boolean unknownHost(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.net.UnknownHostException || t instanceof java.nio.channels.UnresolvedAddressException) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
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

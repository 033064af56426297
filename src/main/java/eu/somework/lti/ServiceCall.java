package eu.somework.lti;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One HTTP exchange with a platform service (AGS 2.0, NRPS 2.0) with a bearer access token,
 * classified into a {@link ServiceResult}. Shared by the service clients; immutable and
 * thread-safe.
 *
 * <p>Hardened for servers the tool does not control: the URL must pass
 * {@link PlatformEndpoints#isAllowed}; redirects are not followed (the bearer token would go with
 * them); connecting and the whole exchange, body included, each have a timeout; a body is read
 * only up to a cap. The request's media types are the caller's: platforms such as Moodle answer
 * 400 to a plain {@code application/json}.
 */
public final class ServiceCall {
  /** Default cap on a success body: a page of a thousand members is about 300 KB. */
  public static final int DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024;
  /** How much of an error body is read for its message; the rest is dropped, not an error. */
  static final int MAX_ERROR_BODY_BYTES = 8 * 1024;
  /** Longest reason quoted from a platform's message. */
  public static final int MAX_REASON_CHARS = 200;

  private final HttpClient http;
  private final Clock clock;
  private final Duration timeout;
  private final int maxBodyBytes;

  /** Connect and whole-exchange timeout alike, and the default body cap. */
  public ServiceCall(Clock clock, Duration timeout) {
    this(clock, timeout, timeout, DEFAULT_MAX_BODY_BYTES);
  }

  /**
   * @param clock for the moment a {@code Retry-After} in seconds names
   * @param connectTimeout how long to wait for the TCP/TLS connection
   * @param timeout how long the whole exchange may take, body included
   * @param maxBodyBytes the largest success body read; a larger one is a {@link ServiceResult.Failed}
   */
  public ServiceCall(Clock clock, Duration connectTimeout, Duration timeout, int maxBodyBytes) {
    this.clock = clock;
    this.timeout = timeout;
    this.maxBodyBytes = maxBodyBytes;
    this.http = HttpClient.newBuilder()
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /** A 2xx answer: its status, headers and body (empty when the caller did not want it). */
  public record Answer(int status, HttpHeaders headers, byte[] body) {
    /** The body as UTF-8 text (JSON is UTF-8: RFC 8259 §8.1). */
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /**
   * Sends one request and classifies the outcome (see {@link ServiceResult}).
   *
   * @param method GET, POST or PUT
   * @param uri the service URL, as the platform gave it
   * @param token the access token; sent as {@code Authorization: Bearer}
   * @param accept the {@code Accept} media type, or null for none
   * @param contentType the body's media type, or null when there is no body
   * @param body the request body (UTF-8 JSON), or null
   * @param readBody false when a success body is not needed (e.g. a score POST): it is discarded
   * @throws LtiException {@link LtiFailure#SERVICE_ENDPOINT_REFUSED} when the URL is not https
   *     outside loopback
   */
  public ServiceResult<Answer> send(String method, URI uri, ServiceToken token, String accept,
      String contentType, String body, boolean readBody) throws LtiException {
    if (!PlatformEndpoints.isAllowed(uri)) {
      throw new LtiException(LtiFailure.SERVICE_ENDPOINT_REFUSED,
          "The platform's service URL " + PlatformEndpoints.rule() + ".");
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
        .header("Authorization", "Bearer " + token.accessToken());
    if (accept != null) {
      request.header("Accept", accept);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    AtomicInteger status = new AtomicInteger(); // the status of an answer whose body was too large
    CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request.build(), info -> {
      status.set(info.statusCode());
      return bodyFor(info, readBody);
    });
    HttpResponse<byte[]> response;
    try {
      // the whole exchange within the timeout: HttpRequest.timeout alone stops at the headers
      response = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      return new ServiceResult.RetryLater<>("interrupted", Optional.empty());
    } catch (TimeoutException e) {
      exchange.cancel(true);
      return timedOut();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof CappedBody.TooLarge) {
        return new ServiceResult.Failed<>(status.get(), "the answer is larger than " + maxBodyBytes + " bytes");
      }
      if (cause instanceof HttpTimeoutException) {
        return timedOut();
      }
      if (cause instanceof ConnectException) {
        return new ServiceResult.RetryLater<>("connection refused", Optional.empty());
      }
      return new ServiceResult.RetryLater<>("connection failed", Optional.empty());
    }
    return classify(response);
  }

  /**
   * GETs {@code first} and every page after it that a {@code Link: <…>; rel="next"} header names
   * (AGS 2.0 §3.2.5, NRPS 2.0 §2.4.1); other relations (NRPS's {@code differences}) are ignored.
   *
   * @param maxPages the most pages read; a list that goes on is refused rather than cut short
   * @return every page's answer in order, or the first outcome that was not a delivery
   * @throws LtiException {@link LtiFailure#SERVICE_ENDPOINT_REFUSED} for a URL that is not https
   *     outside loopback or a next page on another origin than the first (the access token must
   *     not travel there); {@link LtiFailure#SERVICE_ANSWER_INVALID} when a next page repeats one
   *     already read or the list has more than {@code maxPages} pages
   */
  public ServiceResult<List<Answer>> getPages(URI first, ServiceToken token, String accept, int maxPages)
      throws LtiException {
    List<Answer> pages = new java.util.ArrayList<>();
    java.util.Set<URI> seen = new java.util.HashSet<>();
    URI next = first;
    while (next != null) {
      if (!seen.add(next)) {
        throw new LtiException(LtiFailure.SERVICE_ANSWER_INVALID,
            "The platform's list pages lead in a circle (a next page repeats one already read).");
      }
      if (pages.size() == maxPages) {
        throw new LtiException(LtiFailure.SERVICE_ANSWER_INVALID,
            "The platform's list has more than " + maxPages + " pages.");
      }
      if (!sameOrigin(first, next)) {
        throw new LtiException(LtiFailure.SERVICE_ENDPOINT_REFUSED,
            "The platform's next page is on another site than the first; the tool does not send its access token there.");
      }
      ServiceResult<Answer> page = send("GET", next, token, accept, null, null, true);
      if (!(page instanceof ServiceResult.Delivered<Answer> delivered)) {
        return page.retyped();
      }
      pages.add(delivered.value());
      next = LinkHeader.find(delivered.value().headers().allValues("Link"), "next", next).orElse(null);
    }
    return new ServiceResult.Delivered<>(List.copyOf(pages));
  }

  private static boolean sameOrigin(URI a, URI b) {
    return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost())
        && port(a) == port(b);
  }

  private static int port(URI uri) {
    return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  private <T> ServiceResult<T> timedOut() {
    return new ServiceResult.RetryLater<>("no answer within " + timeout.toMillis() + " ms", Optional.empty());
  }

  private ServiceResult<Answer> classify(HttpResponse<byte[]> response) {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return new ServiceResult.Delivered<>(new Answer(status, response.headers(), response.body()));
    }
    String message = PlatformMessage.of(response.body(), response.headers().firstValue("Content-Type"));
    if (status == 401) {
      return new ServiceResult.TokenRejected<>(message.isEmpty() ? "HTTP 401" : message);
    }
    if (status == 408 || status == 429 || status >= 500) {
      return new ServiceResult.RetryLater<>("HTTP " + status + (message.isEmpty() ? "" : ": " + message),
          retryAfter(response.headers().firstValue("Retry-After")));
    }
    if (status >= 300 && status < 400) {
      return new ServiceResult.Failed<>(status, "redirected (HTTP " + status + "), which the tool does not follow");
    }
    return new ServiceResult.Failed<>(status, message.isEmpty() ? "HTTP " + status : message);
  }

  /** RFC 9110 §10.2.3: delay-seconds or an HTTP-date; a moment already past means now. */
  Optional<Instant> retryAfter(Optional<String> header) {
    if (header.isEmpty() || header.get().isBlank()) {
      return Optional.empty();
    }
    String value = header.get().trim();
    Instant now = clock.instant();
    if (value.chars().allMatch(Character::isDigit)) {
      try {
        return Optional.of(now.plusSeconds(Long.parseLong(value)));
      } catch (NumberFormatException | ArithmeticException | java.time.DateTimeException absurd) {
        return Optional.empty();
      }
    }
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return Optional.of(at.isBefore(now) ? now : at);
    } catch (DateTimeParseException malformed) {
      return Optional.empty();
    }
  }

  private HttpResponse.BodySubscriber<byte[]> bodyFor(HttpResponse.ResponseInfo info, boolean readBody) {
    int status = info.statusCode();
    boolean success = status >= 200 && status < 300;
    if (success && !readBody) {
      return HttpResponse.BodySubscribers.replacing(new byte[0]);
    }
    return success ? CappedBody.whole(maxBodyBytes, info) : CappedBody.truncated(MAX_ERROR_BODY_BYTES);
  }
}

package eu.somework.lti;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The tool's two HTTP exchanges of Dynamic Registration 1.0: fetching the platform's OpenID
 * configuration (§3.4) and POSTing the client registration (§3.5.2, §3.6), each with the
 * registration token as a Bearer token when the platform gave one. Immutable and thread-safe.
 *
 * <p>Hardened like {@link JwksFetcher}, for a URL that anyone may hand to the tool: https only
 * (plain http on loopback), redirects not followed, connecting and the whole exchange each within a
 * timeout, answers read only up to {@link #MAX_BODY_BYTES} ({@link CappedBody}), error bodies only
 * for their first {@link #MAX_ERROR_BODY_BYTES}. The token is never part of a message.
 */
public final class DynamicRegistrationClient {
  /** Moodle's configuration is about 3 KB (with its list of substitution variables); 64 KiB is plenty. */
  static final int MAX_BODY_BYTES = 64 * 1024;
  /** How much of an error answer is read for its message. */
  static final int MAX_ERROR_BODY_BYTES = 8 * 1024;

  private final HttpClient http;
  private final Duration timeout;

  /**
   * @param connectTimeout how long to wait for the TCP/TLS connection
   * @param timeout how long each whole exchange may take, body included
   */
  public DynamicRegistrationClient(Duration connectTimeout, Duration timeout) {
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /**
   * The {@code openid_configuration} parameter as a URL the tool may fetch.
   *
   * @throws LtiException {@link LtiFailure#REGISTRATION_START_INVALID} when it is missing, not an
   *     absolute URL, or not https outside loopback
   */
  public static URI configurationUrl(String parameter) throws LtiException {
    if (parameter == null || parameter.isBlank()) {
      throw LtiException.coded(LtiFailure.REGISTRATION_START_INVALID, "missing",
          "The registration was started without the platform's openid_configuration URL. Start it from the "
              + "platform's tool registration page.");
    }
    URI uri;
    try {
      uri = new URI(asciiHost(parameter.strip()));
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw LtiException.coded(LtiFailure.REGISTRATION_START_INVALID, "notUrl",
          "The openid_configuration parameter is not a URL.");
    }
    if (!uri.isAbsolute()) {
      throw LtiException.coded(LtiFailure.REGISTRATION_START_INVALID, "notAbsolute",
          "The openid_configuration parameter is not an absolute URL.");
    }
    String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw LtiException.coded(LtiFailure.REGISTRATION_START_INVALID, "scheme",
          "The openid_configuration URL must start with https:// (not " + scheme + ":).");
    }
    if (uri.getRawUserInfo() != null) {
      throw LtiException.coded(LtiFailure.REGISTRATION_START_INVALID, "userInfo",
          "The openid_configuration URL must not contain a user name or password (user@host).");
    }
    if (uri.getHost() == null) {
      throw LtiException.coded(LtiFailure.REGISTRATION_START_INVALID, "noHost",
          "The openid_configuration URL names no valid host.");
    }
    if (!PlatformEndpoints.isAllowed(uri)) {
      throw LtiException.coded(LtiFailure.REGISTRATION_START_INVALID, "httpsOnly",
          "The platform's openid_configuration URL " + PlatformEndpoints.rule() + ".");
    }
    return uri;
  }

  /**
   * The URL with an internationalised host name in its ASCII (punycode) form, as
   * {@link java.net.IDN#toASCII} gives it; {@link URI} accepts only ASCII host names.
   *
   * @throws IllegalArgumentException when the host is not a valid internationalised name
   */
  static String asciiHost(String url) {
    int authorityStart = url.indexOf("://");
    if (authorityStart < 0) {
      return url;
    }
    authorityStart += 3;
    int authorityEnd = authorityStart;
    while (authorityEnd < url.length() && "/?#".indexOf(url.charAt(authorityEnd)) < 0) {
      authorityEnd++;
    }
    String authority = url.substring(authorityStart, authorityEnd);
    if (authority.chars().allMatch(c -> c < 128)) {
      return url;
    }
    int hostStart = authority.lastIndexOf('@') + 1;
    int portStart = authority.indexOf(':', hostStart);
    int hostEnd = portStart < 0 ? authority.length() : portStart;
    String host = java.net.IDN.toASCII(authority.substring(hostStart, hostEnd), java.net.IDN.ALLOW_UNASSIGNED);
    return url.substring(0, authorityStart) + authority.substring(0, hostStart) + host
        + authority.substring(hostEnd) + url.substring(authorityEnd);
  }

  /**
   * Fetches and checks the platform's configuration.
   *
   * @param configurationUrl a URL that passed {@link #configurationUrl}
   * @param registrationToken sent as {@code Authorization: Bearer} when present
   * @throws LtiException {@link LtiFailure#PLATFORM_CONFIGURATION_UNAVAILABLE} (no answer within
   *     the timeout, a status other than 200 — coded {@code configurationStatus}, or
   *     {@code configurationStatusSaid} with the platform's message — a body over the cap) or
   *     {@link LtiFailure#PLATFORM_CONFIGURATION_INVALID} (see {@link PlatformConfiguration#read})
   */
  public PlatformConfiguration fetchConfiguration(URI configurationUrl, Optional<String> registrationToken)
      throws LtiException {
    HttpRequest.Builder request = HttpRequest.newBuilder(configurationUrl).timeout(timeout)
        .header("Accept", "application/json").GET();
    registrationToken.ifPresent(token -> request.header("Authorization", "Bearer " + token));
    HttpResponse<byte[]> response = exchange(request.build(), LtiFailure.PLATFORM_CONFIGURATION_UNAVAILABLE,
        "the platform's OpenID configuration");
    if (response.statusCode() != 200) {
      // the Content-Type is not asked: Moodle's errors are one word of plain text
      // ("missing_registration_token") under PHP's default text/html; a real HTML page starts with "<"
      String said = PlatformMessage.of(response.body(), Optional.empty());
      String status = Integer.toString(response.statusCode());
      throw LtiException.coded(LtiFailure.PLATFORM_CONFIGURATION_UNAVAILABLE,
          said.isEmpty() ? "configurationStatus" : "configurationStatusSaid",
          sentence("The platform's OpenID configuration URL answered HTTP " + status + (said.isEmpty() ? "" : ": " + said)),
          status, sentence(said));
    }
    return PlatformConfiguration.read(new String(response.body(), StandardCharsets.UTF_8), configurationUrl);
  }

  /**
   * POSTs the client registration to the platform's registration endpoint.
   *
   * @param platform the configuration it was fetched from
   * @param requestJson the registration request ({@link ToolDescription#registrationRequestJson})
   * @param registrationToken sent as {@code Authorization: Bearer} when present
   * @return the client id and deployment the platform gave
   * @throws LtiException {@link LtiFailure#REGISTRATION_REFUSED} with the platform's own message
   *     (cleaned and cut to a line) when it answered other than 200/201, or when it could not be
   *     reached; {@link LtiFailure#REGISTRATION_ANSWER_INVALID} (see {@link ClientRegistration#read})
   */
  public ClientRegistration register(PlatformConfiguration platform, String requestJson,
      Optional<String> registrationToken) throws LtiException {
    HttpRequest.Builder request = HttpRequest.newBuilder(platform.registrationEndpoint()).timeout(timeout)
        .header("Accept", "application/json").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(requestJson, StandardCharsets.UTF_8));
    registrationToken.ifPresent(token -> request.header("Authorization", "Bearer " + token));
    HttpResponse<byte[]> response = exchange(request.build(), LtiFailure.REGISTRATION_REFUSED,
        "the platform's registration endpoint");
    int status = response.statusCode();
    if (status != 200 && status != 201) {
      String said = PlatformMessage.of(response.body(), Optional.empty());
      throw LtiException.coded(LtiFailure.REGISTRATION_REFUSED, said.isEmpty() ? "platformRefused" : "platformRefusedSaid",
          sentence("The platform refused the registration (HTTP " + status + ")" + (said.isEmpty() ? "" : ": " + said)),
          Integer.toString(status), sentence(said));
    }
    return ClientRegistration.read(new String(response.body(), StandardCharsets.UTF_8));
  }

  /**
   * The exchange, or a refusal coded for the page ({@link LtiException#reasonCode}: {@code interrupted},
   * {@code timeout}, {@code tooLarge}, {@code unknownHost}, {@code connectionRefused},
   * {@code timedOut}, {@code noAnswer}); the English message names {@code what} was asked.
   */
  private HttpResponse<byte[]> exchange(HttpRequest request, LtiFailure failure, String what) throws LtiException {
    CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request, DynamicRegistrationClient::body);
    String host = request.uri().getHost();
    try {
      // the whole exchange, body included, within the timeout: HttpRequest.timeout stops at the headers
      return exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      throw LtiException.coded(failure, "interrupted", "Interrupted while asking " + what + ".");
    } catch (TimeoutException e) {
      exchange.cancel(true);
      String seconds = Long.toString(timeout.toSeconds());
      throw LtiException.coded(failure, "timeout", "No answer from " + what + " at " + host
          + " within " + seconds + " s.", host, seconds);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof CappedBody.TooLarge tooLarge) {
        throw LtiException.coded(failure, "tooLarge", "The answer of " + what + " is " + tooLarge.getMessage() + ".",
            Integer.toString(tooLarge.cap));
      }
      if (JwksFetcher.unknownHost(cause)) {
        throw LtiException.coded(failure, "unknownHost", "No answer from " + what + ": the host "
            + host + " was not found (unknown host).", host);
      }
      String message = sentence("No answer from " + what + " at " + host + ": " + JwksFetcher.plainReason(cause));
      if (cause instanceof java.net.ConnectException) {
        throw LtiException.coded(failure, "connectionRefused", message, host);
      }
      if (cause instanceof java.net.http.HttpTimeoutException) {
        throw LtiException.coded(failure, "timedOut", message, host);
      }
      // the JDK's own words (a TLS failure, a reset), not the tool's: shown as they are
      String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
      throw LtiException.coded(failure, "noAnswer", message, host, sentence(detail));
    }
  }

  /** The text with a full stop, unless it already ends a sentence (a platform's message often does). */
  static String sentence(String text) {
    String t = text.strip();
    return t.isEmpty() || t.endsWith(".") || t.endsWith("!") || t.endsWith("?") ? t : t + ".";
  }

  /** A success body whole (up to the cap), any other only for its message. */
  private static HttpResponse.BodySubscriber<byte[]> body(HttpResponse.ResponseInfo info) {
    int status = info.statusCode();
    return status == 200 || status == 201
        ? CappedBody.whole(MAX_BODY_BYTES, info)
        : CappedBody.truncated(MAX_ERROR_BODY_BYTES);
  }
}

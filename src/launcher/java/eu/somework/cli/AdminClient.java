package eu.somework.cli;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import javax.net.ssl.SSLException;

/**
 * The tool's administrator JSON API ({@code /admin/api}, ADMIN-API.md) over HTTP, with the token as
 * a Bearer token. Each call answers the JSON object of a 2xx answer, or throws a {@link CommandFailure}:
 * exit code 1 with the tool's {@code error} when it refused, 3 when it could not be reached.
 * Redirects are not followed: the token goes only to the URL the administrator gave.
 */
final class AdminClient {
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);
  private static final JsonProvider JSON = JsonProvider.provider();

  private final URI toolUrl;
  private final String token;
  private final HttpClient http;

  /**
   * @param toolUrl the tool's base URL, without a trailing slash
   * @param token the administrator token (sent only in the Authorization header, never printed)
   */
  AdminClient(URI toolUrl, String token) {
    this.toolUrl = toolUrl;
    this.token = token;
    this.http = HttpClient.newBuilder()
        .connectTimeout(CONNECT_TIMEOUT)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /** An answer of the API: its status and JSON object. */
  record Answer(int status, JsonObject body) {}

  /** {@code GET /admin/api/<path>}. */
  Answer get(String path) throws CommandFailure {
    return send(request(path).GET());
  }

  /** {@code POST /admin/api/<path>} with a JSON body ({@code "{}"} when there is nothing to send). */
  Answer post(String path, String json) throws CommandFailure {
    return send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(toolUrl + "/admin/api/" + path))
        .timeout(ANSWER_TIMEOUT)
        .header("Accept", "application/json")
        // the tool's audit log tells the command line from other API callers by it
        .header("User-Agent", "somework-cli/1")
        .header("Authorization", "Bearer " + token);
  }

  private Answer send(HttpRequest.Builder builder) throws CommandFailure {
    HttpRequest request = builder.build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw CommandFailure.unreachable("Cannot reach the tool at " + toolUrl + " (" + reason(e) + "): check that"
          + " the tool runs, and that --url or " + CommandLine.URL_VARIABLE + " names its base URL");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw CommandFailure.unreachable("Interrupted while waiting for the tool at " + toolUrl);
    }
    int status = response.statusCode();
    JsonObject body = jsonObject(response.body());
    if (status >= 200 && status < 300) {
      if (body == null) {
        throw CommandFailure.refused("The tool at " + toolUrl + " answered " + request.uri().getPath() + " with"
            + " something that is not the administrator API's JSON: is " + toolUrl + " the tool's base URL?");
      }
      return new Answer(status, body);
    }
    throw CommandFailure.refused(refusal(request, response, body));
  }

  private String refusal(HttpRequest request, HttpResponse<String> response, JsonObject body) {
    int status = response.statusCode();
    String error = body == null ? null : text(body.get("error"));
    if (status >= 300 && status < 400) {
      String location = response.headers().firstValue("Location").orElse("another address");
      return "The tool at " + toolUrl + " redirects to " + Terminal.safe(location)
          + ": give the tool's own base URL with --url (the token is not sent after a redirect)";
    }
    if (status == 404) {
      // the commands' resources always exist in the API: a 404 means there is no API at this URL
      return "The tool at " + toolUrl + " has no administrator API (HTTP 404 for " + request.uri().getPath()
          + "): is it the tool's base URL, and a version of SoMe@Work with the administrator API?";
    }
    if (error == null) {
      return "The tool at " + toolUrl + " answered HTTP " + status + " without saying why";
    }
    String refused = "The tool refused (HTTP " + status + "): " + Terminal.safe(error);
    if (status == 401) {
      return refused + " Check " + CommandLine.TOKEN_VARIABLE + ".";
    }
    if (status == 429 && !error.toLowerCase(java.util.Locale.ROOT).contains("try again")) {
      // the tool's own answer says when to try again; older versions did not
      return refused + response.headers().firstValue("Retry-After")
          .map(seconds -> " Try again in " + Terminal.safe(seconds) + " s.").orElse("");
    }
    return refused;
  }

  private static JsonObject jsonObject(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try (var reader = JSON.createReader(new StringReader(text))) {
      JsonValue value = reader.readValue();
      return value.getValueType() == JsonValue.ValueType.OBJECT ? value.asJsonObject() : null;
    } catch (JsonException e) {
      return null;
    }
  }

  private static String text(JsonValue value) {
    return value instanceof JsonString string ? string.getString() : null;
  }

  private static String reason(IOException e) {
    if (causedBy(e, UnresolvedAddressException.class) || causedBy(e, java.net.UnknownHostException.class)) {
      return "unknown host";
    }
    if (causedBy(e, HttpConnectTimeoutException.class)) {
      return "no connection within " + CONNECT_TIMEOUT.toSeconds() + " s";
    }
    if (causedBy(e, HttpTimeoutException.class)) {
      return "no answer within " + ANSWER_TIMEOUT.toSeconds() + " s";
    }
    if (causedBy(e, SSLException.class)) {
      return "TLS failed";
    }
    if (causedBy(e, ConnectException.class)) {
      return "connection refused";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : Terminal.safe(e.getMessage());
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
    }
    return false;
  }
}

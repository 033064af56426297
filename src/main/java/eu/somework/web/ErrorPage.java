package eu.somework.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a refused or failed request gets: an HTML page for a person, or JSON for a script (by the
 * Accept header), each with a correlation id that the log line carries too.
 */
public final class ErrorPage {
  private ErrorPage() {}

  /**
   * The id an error page shows and its log line names: the request's correlation id (the one in the
   * request log and the {@code X-Request-Id} header), else a new one.
   */
  public static String newCorrelationId() {
    return RequestCorrelation.currentId().orElseGet(() -> UUID.randomUUID().toString().substring(0, 8));
  }

  /**
   * Request property (a {@link UiLanguage}) naming the language the request's session chose; an
   * error page of that request is then in that language rather than the browser's.
   */
  public static final String LANGUAGE_PROPERTY = "eu.somework.web.language";

  /** The error answer in the browser's language (Accept-Language), else English. */
  public static Response build(HttpHeaders headers, int status, String code, String message,
      String correlationId, Optional<String> newWindowUrl) {
    return build(Optional.empty(), headers, status, code, message, correlationId, newWindowUrl);
  }

  /**
   * The error answer: JSON for a script (by Accept), else an HTML page in {@code chosen}, or the
   * browser's language when none was chosen.
   */
  public static Response build(Optional<UiLanguage> chosen, HttpHeaders headers, int status, String code,
      String message, String correlationId, Optional<String> newWindowUrl) {
    return build(chosen, headers, status, code, message, correlationId, newWindowUrl, Optional.empty());
  }

  /** A link an error page offers to go on from it (e.g. back to the administrators' console). */
  public record Link(String href, String label) {}

  /** The error answer with a link onward on the HTML page ({@code way}); JSON answers are the same. */
  public static Response build(Optional<UiLanguage> chosen, HttpHeaders headers, int status, String code,
      String message, String correlationId, Optional<String> newWindowUrl, Optional<Link> way) {
    if (wantsJson(headers)) {
      Map<String, Object> body = new java.util.LinkedHashMap<>();
      body.put("error", code);
      body.put("message", message);
      body.put("correlationId", correlationId);
      newWindowUrl.ifPresent(url -> body.put("newWindowUrl", url));
      return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
          .entity(com.nimbusds.jose.util.JSONObjectUtils.toJSONString(body)).build();
    }
    UiLanguage language = chosen.orElseGet(() -> browserLanguage(headers));
    Messages text = Messages.of(language);
    String title = text.get(titleKey(status, code));
    View page = new View(language, text, title, message, newWindowUrl, text.get("error.reference", code, correlationId),
        way);
    return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .entity(Templates.render("web/error.jte", page)).build();
  }

  /** How long a client is asked to wait before trying again while the database is unavailable. */
  static final int RETRY_AFTER_SECONDS = 30;

  /**
   * The answer while the tool cannot reach its database: 503 with Retry-After, saying in the
   * person's language that the service is temporarily unavailable and nothing saved is lost; no
   * detail of the failure (no SQL, no host).
   */
  public static Response unavailable(Optional<UiLanguage> chosen, HttpHeaders headers, String correlationId) {
    UiLanguage language = chosen.orElseGet(() -> browserLanguage(headers));
    String message = Messages.of(language).get("error.unavailable");
    return Response.fromResponse(build(Optional.of(language), headers, 503, "SERVICE_UNAVAILABLE", message,
        correlationId, Optional.empty())).header("Retry-After", RETRY_AFTER_SECONDS).build();
  }

  private static UiLanguage browserLanguage(HttpHeaders headers) {
    return headers == null ? UiLanguage.EN
        : UiLanguage.fromAcceptLanguage(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)).orElse(UiLanguage.EN);
  }

  /** What {@code web/error.jte} shows. */
  record View(UiLanguage language, Messages text, String title, String message, Optional<String> newWindowUrl,
      String reference, Optional<Link> way) {}

  /** Refused launches say the tool could not be opened; other errors say what kind they are. */
  private static String titleKey(int status, String code) {
    if (code.equals("SERVICE_UNAVAILABLE")) {
      return "error.title.unavailable";
    }
    if (!code.startsWith("HTTP_") && !code.equals("INTERNAL_ERROR")) {
      return "error.title";
    }
    return switch (status) {
      case 401 -> "error.title.session";
      case 403 -> "error.title.forbidden";
      case 404 -> "error.title.notFound";
      case 500 -> "error.title.server";
      default -> "error.title.request";
    };
  }

  private static boolean wantsJson(HttpHeaders headers) {
    if (headers == null) {
      return false;
    }
    String accept = headers.getHeaderString(HttpHeaders.ACCEPT);
    return accept != null && accept.contains("application/json") && !accept.contains("text/html");
  }
}

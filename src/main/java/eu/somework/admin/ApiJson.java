package eu.somework.admin;

import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The administrators' API's JSON answers: bodies as maps, times as ISO-8601 UTC, errors as {@code {"error"}}. */
final class ApiJson {
  private ApiJson() {}

  static Response answer(int status, Map<String, Object> body) {
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
        .entity(JSONObjectUtils.toJSONString(body)).header("Cache-Control", "no-store").build();
  }

  static Response error(int status, String sentence) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", sentence);
    return answer(status, body);
  }

  /** ISO-8601 UTC, or null (JSON null) when absent. */
  static String time(Optional<Instant> instant) {
    return instant.map(ApiJson::time).orElse(null);
  }

  /** ISO-8601 UTC to the millisecond at most (the database keeps microseconds, the clock nanoseconds). */
  static String time(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS).toString();
  }
}

package eu.somework.simulator;

import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Locale;

/** What the simulator's AGS and NRPS endpoints share: strict media types and Moodle-like plain-text refusals. */
final class ServiceAnswers {
  private ServiceAnswers() {}

  /** Whether a Content-Type header names {@code expected} (parameters such as charset ignored). */
  static boolean isType(String header, String expected) {
    return header != null && base(header).equals(expected);
  }

  /** Whether an Accept header lists {@code expected} exactly (no wildcards: Moodle is strict too). */
  static boolean accepts(String header, String expected) {
    return header != null && Arrays.stream(header.split(",")).map(ServiceAnswers::base).anyMatch(expected::equals);
  }

  private static String base(String mediaType) {
    int semicolon = mediaType.indexOf(';');
    return (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
  }

  static Response plain(int status, String text) {
    return Response.status(status).type("text/plain;charset=UTF-8").entity(text).build();
  }

  static Response json(int status, String mediaType, String body) {
    return Response.status(status).type(mediaType).entity(body).build();
  }
}

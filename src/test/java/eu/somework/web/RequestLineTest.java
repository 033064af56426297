package eu.somework.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The request log's line: key=value pairs a machine splits, which no request can break. */
class RequestLineTest {
  @Test
  void aMatchedRequestIsWrittenWithItsRouteNotItsPath() {
    assertEquals("request id=4f9c2a7d0b1e3c55 method=GET route=/app/grading/{unit}/{userId} status=200 ms=12",
        new RequestLine("4f9c2a7d0b1e3c55", "GET", Optional.of("/app/grading/{unit}/{userId}"),
            "/app/grading/data-protection/moodle-user-42", 200, 12).format());
  }

  @Test
  void anUnmatchedRequestIsWrittenWithItsPath() {
    assertEquals("request id=abc method=GET path=/static/app.css status=404 ms=3",
        new RequestLine("abc", "GET", Optional.empty(), "/static/app.css", 404, 3).format());
  }

  @Test
  void aPathWithSpacesQuotesOrLineBreaksIsQuotedSoItCannotForgeAKeyOrALine() {
    String line = new RequestLine("abc", "GET", Optional.empty(), "/x status=200\n\"request id=evil", 404, 1)
        .format();
    assertEquals("request id=abc method=GET path=\"/x status=200\\u000a\\\"request id=evil\" status=404 ms=1", line);
  }

  @Test
  void aLongPathIsCut() {
    String line = new RequestLine("abc", "GET", Optional.empty(), "/" + "a".repeat(500), 404, 1).format();
    assertEquals("request id=abc method=GET path=\"/" + "a".repeat(RequestLine.PATH_LENGTH - 1) + "…\" status=404 ms=1",
        line);
  }
}

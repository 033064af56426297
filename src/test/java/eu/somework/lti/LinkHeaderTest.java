package eu.somework.lti;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** RFC 8288 Link headers as platforms write them for paging (AGS 2.0 §3.2.5, NRPS 2.0 §2.4). */
class LinkHeaderTest {
  static final URI BASE = URI.create("https://lms.example.org/mod/lti/services.php/2/bindings/1/memberships");

  @Test
  void quotedRel() {
    assertEquals(Optional.of(URI.create("https://lms.example.org/m?page=2")),
        LinkHeader.find(List.of("<https://lms.example.org/m?page=2>; rel=\"next\""), "next", BASE));
  }

  @Test
  void bareRelAndOtherCase() {
    assertEquals(Optional.of(URI.create("https://lms.example.org/m?page=2")),
        LinkHeader.find(List.of("<https://lms.example.org/m?page=2>;rel=Next"), "next", BASE));
  }

  @Test
  void severalLinksOnOneLineAndCommasInsideTheUrl() {
    String header = "<https://lms.example.org/m?since=1,2;x>; rel=\"differences\", "
        + "<https://lms.example.org/m?page=3&a=b,c>; title=\"page, three\"; rel=\"next last\"";
    assertEquals(Optional.of(URI.create("https://lms.example.org/m?page=3&a=b,c")), LinkHeader.find(List.of(header), "next", BASE));
    assertEquals(Optional.of(URI.create("https://lms.example.org/m?since=1,2;x")),
        LinkHeader.find(List.of(header), "differences", BASE));
  }

  @Test
  void severalHeaders() {
    List<String> headers = List.of("<https://lms.example.org/a>; rel=\"prev\"", "<https://lms.example.org/b>; rel=\"next\"");
    assertEquals(Optional.of(URI.create("https://lms.example.org/b")), LinkHeader.find(headers, "next", BASE));
  }

  @Test
  void relativeTargetsResolveAgainstTheRequest() {
    assertEquals(Optional.of(URI.create("https://lms.example.org/mod/lti/services.php/2/bindings/1/memberships?p=2")),
        LinkHeader.find(List.of("<?p=2>; rel=next"), "next", BASE));
  }

  @Test
  void noNextIsEmpty() {
    assertEquals(Optional.empty(), LinkHeader.find(List.of("<https://lms.example.org/d>; rel=\"differences\""), "next", BASE));
    assertEquals(Optional.empty(), LinkHeader.find(List.of("garbage without brackets; rel=next"), "next", BASE));
    assertEquals(Optional.empty(), LinkHeader.find(List.of(), "next", BASE));
  }
}

package eu.somework.lti.ags;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** Scores and results URLs are built in the line item's path, before its query (AGS 2.0 §3.3, §3.4). */
class LineItemUrlsTest {

  @Test
  void moodlesQueryStringStaysAfterTheInsertedSegment() {
    URI lineItem = URI.create("https://moodle.example.org/mod/lti/services.php/2/lineitems/7/lineitem?type_id=3");
    assertEquals(URI.create("https://moodle.example.org/mod/lti/services.php/2/lineitems/7/lineitem/scores?type_id=3"),
        LineItemUrls.scores(lineItem));
    assertEquals(URI.create("https://moodle.example.org/mod/lti/services.php/2/lineitems/7/lineitem/results?type_id=3"),
        LineItemUrls.results(lineItem));
  }

  @Test
  void aPlainPathGetsTheSegment() {
    assertEquals(URI.create("https://lms.example.org/api/lti/courses/1/line_items/5/scores"),
        LineItemUrls.scores(URI.create("https://lms.example.org/api/lti/courses/1/line_items/5")));
  }

  @Test
  void aTrailingSlashGivesNoDoubleSlash() {
    assertEquals(URI.create("https://lms.example.org/items/5/scores"), LineItemUrls.scores(URI.create("https://lms.example.org/items/5/")));
  }

  @Test
  void anEncodedQueryAndPortAreKeptAsTheyWere() {
    assertEquals(URI.create("http://127.0.0.1:8080/li%20x/scores?a=b%26c&d=%C3%A4"),
        LineItemUrls.scores(URI.create("http://127.0.0.1:8080/li%20x?a=b%26c&d=%C3%A4#frag")));
  }
}

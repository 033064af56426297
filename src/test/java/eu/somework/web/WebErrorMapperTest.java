package eu.somework.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/** A refusal with a reason becomes a page showing that reason with its status, not a 500. */
class WebErrorMapperTest {

  @Test
  void aMissingUnitIsA404PageWithItsReason() {
    Response response = new WebErrorMapper().toResponse(new NotFoundException("There is no unit “x” in this module."));
    assertEquals(404, response.getStatus());
    String html = (String) response.getEntity();
    assertTrue(html.contains("<p class=\"reason\">There is no unit “x” in this module.</p>"), html);
  }
}

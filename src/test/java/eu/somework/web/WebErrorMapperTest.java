package eu.somework.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * A refusal with a reason becomes a page showing that reason with its status, not a 500; a database
 * that cannot be reached is a 503 that says so without any detail of the failure.
 */
class WebErrorMapperTest {

  @Test
  void aMissingUnitIsA404PageWithItsReason() {
    Response response = new WebErrorMapper().toResponse(new NotFoundException("There is no unit “x” in this module."));
    assertEquals(404, response.getStatus());
    String html = (String) response.getEntity();
    assertTrue(html.contains("<p class=\"reason\">There is no unit “x” in this module.</p>"), html);
  }

  @Test
  void anUnreachableDatabaseIsA503PageWithoutTheDriversWords() {
    Throwable failure = new PersistenceException(new SQLException(
        "Connection to db.example.edu:5432 refused. Check that the hostname and port are correct.", "08001"));

    Response response = new WebErrorMapper().toResponse(failure);

    assertEquals(503, response.getStatus());
    assertEquals("30", response.getHeaderString("Retry-After"));
    String html = (String) response.getEntity();
    assertTrue(html.contains("<h1>The service is temporarily unavailable</h1>"), html);
    assertFalse(html.contains("db.example.edu"), html);
  }

  @Test
  void anyOtherDatabaseFailureStaysAnInternalError() {
    Response response = new WebErrorMapper().toResponse(new PersistenceException(new SQLException("syntax", "42601")));

    assertEquals(500, response.getStatus());
  }
}

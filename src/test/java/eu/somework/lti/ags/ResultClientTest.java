package eu.somework.lti.ags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eu.somework.lti.FakeLms;
import eu.somework.lti.FakeLms.Reply;
import eu.somework.lti.LtiException;
import eu.somework.lti.ServiceCall;
import eu.somework.lti.ServiceResult;
import eu.somework.lti.ServiceToken;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reading what the gradebook holds (AGS 2.0 §3.3). */
class ResultClientTest {
  static final Instant NOW = Instant.parse("2026-02-02T08:00:00Z");
  static final ServiceToken TOKEN = new ServiceToken("at-1", Set.of(AgsScope.RESULT_READONLY), NOW.plusSeconds(3600));
  static final String RESULTS = "/mod/lti/services.php/2/lineitems/7/lineitem/results";

  FakeLms lms;
  final ResultClient client = new ResultClient(new ServiceCall(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(2)));

  @BeforeEach
  void start() throws Exception {
    lms = new FakeLms();
  }

  @AfterEach
  void stop() {
    lms.close();
  }

  @Test
  void resultsOfOneLearnerAreReadWithTheResultContainerMediaType() throws Exception {
    lms.route("GET", RESULTS, null, AgsMediaType.RESULT_CONTAINER, r -> Reply.json(200,
        "[{\"id\":\"x\",\"userId\":\"sub-aino\",\"resultScore\":15,\"resultMaximum\":20,\"comment\":\"Good\",\"scoreOf\":\"y\"}]"));
    URI lineItem = lms.url("/mod/lti/services.php/2/lineitems/7/lineitem?type_id=3");

    ServiceResult<List<LineItemResult>> results = client.results(TOKEN, lineItem, Optional.of("sub-aino"));

    assertEquals(new ServiceResult.Delivered<>(List.of(new LineItemResult("sub-aino", Optional.of(15.0),
        Optional.of(20.0), Optional.of("Good")))), results);
    assertEquals("type_id=3&user_id=sub-aino", lms.last().uri().getQuery());
  }

  @Test
  void aResultWithoutUserIdIsNamed() throws Exception {
    lms.route("GET", RESULTS, null, AgsMediaType.RESULT_CONTAINER, r -> Reply.json(200, "[{\"resultScore\":1}]"));
    LtiException e = assertThrows(LtiException.class, () -> client.results(TOKEN,
        lms.url("/mod/lti/services.php/2/lineitems/7/lineitem"), Optional.empty()));
    assertEquals("The platform's result: userId is missing.", e.getMessage());
  }
}

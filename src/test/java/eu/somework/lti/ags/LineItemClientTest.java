package eu.somework.lti.ags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.util.JSONObjectUtils;
import eu.somework.lti.FakeLms;
import eu.somework.lti.FakeLms.Reply;
import eu.somework.lti.LtiException;
import eu.somework.lti.LtiFailure;
import eu.somework.lti.ServiceCall;
import eu.somework.lti.ServiceResult;
import eu.somework.lti.ServiceToken;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Finding, creating, reading and updating the line item of a resource link, against a Moodle-like fake. */
class LineItemClientTest {
  static final Instant NOW = Instant.parse("2026-02-02T08:00:00Z");
  static final ServiceToken ALL = new ServiceToken("at-1", Set.of(AgsScope.LINE_ITEM, AgsScope.SCORE), NOW.plusSeconds(3600));
  static final ServiceToken SCORE_ONLY = new ServiceToken("at-2", Set.of(AgsScope.SCORE), NOW.plusSeconds(3600));
  static final String CONTAINER = "/mod/lti/services.php/2/lineitems";
  static final LineItem WANTED = LineItem.toCreate("Unit 1 reflection", 20, "rl-1", Optional.of("unit-1"), Optional.of("reflection"));

  FakeLms lms;
  final LineItemClient client = new LineItemClient(new ServiceCall(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(2)));

  @BeforeEach
  void start() throws Exception {
    lms = new FakeLms();
  }

  @AfterEach
  void stop() {
    lms.close();
  }

  String item(int id, String label, String resourceLinkId, String resourceId, String tag) {
    return "{\"id\":\"" + lms.url("/mod/lti/services.php/2/lineitems/" + id + "/lineitem?type_id=3") + "\",\"label\":\"" + label
        + "\",\"scoreMaximum\":20" + (resourceLinkId == null ? "" : ",\"resourceLinkId\":\"" + resourceLinkId + "\"")
        + (resourceId == null ? "" : ",\"resourceId\":\"" + resourceId + "\"")
        + (tag == null ? "" : ",\"tag\":\"" + tag + "\"") + ",\"ltiLinkId\":\"x\"}";
  }

  AgsEndpoint containerOnly() {
    return new AgsEndpoint(Set.of(AgsScope.LINE_ITEM, AgsScope.SCORE), Optional.of(lms.url(CONTAINER + "?type_id=3")), Optional.empty());
  }

  @Test
  void theLaunchsLineItemIsUsedWithoutAnyRequest() throws Exception {
    URI launchItem = lms.url("/mod/lti/services.php/2/lineitems/9/lineitem?type_id=3");
    AgsEndpoint endpoint = new AgsEndpoint(Set.of(AgsScope.SCORE), Optional.of(lms.url(CONTAINER)), Optional.of(launchItem));
    assertEquals(new ServiceResult.Delivered<>(launchItem), client.resolve(SCORE_ONLY, endpoint, WANTED));
    assertTrue(lms.requests().isEmpty());
  }

  @Test
  void theLineItemOfTheLinkIsFoundOnTheSecondPage() throws Exception {
    lms.route("GET", CONTAINER, null, AgsMediaType.LINE_ITEM_CONTAINER, r -> r.uri().getQuery().contains("page=2")
        ? Reply.json(200, "[" + item(2, "Other", "rl-2", "unit-1", "reflection") + "," + item(3, "Mine", "rl-1", null, null) + "]")
        : Reply.json(200, "[" + item(1, "Tagged", null, null, "reflection") + "]")
            .with("Link", "<" + lms.url(CONTAINER + "?type_id=3&page=2") + ">; rel=\"next\""));

    ServiceResult<URI> found = client.resolve(ALL, containerOnly(), WANTED);

    assertEquals(new ServiceResult.Delivered<>(lms.url("/mod/lti/services.php/2/lineitems/3/lineitem?type_id=3")), found);
    assertEquals(2, lms.requests().size());
    assertEquals("Bearer at-1", lms.last().header("Authorization"));
  }

  @Test
  void byResourceIdWhenNoItemNamesTheLinkButNeverAnotherLinksItem() throws Exception {
    lms.route("GET", CONTAINER, null, AgsMediaType.LINE_ITEM_CONTAINER, r -> Reply.json(200, "["
        + item(1, "Tag only", null, null, "reflection") + "," + item(2, "Other link", "rl-2", "unit-1", null) + ","
        + item(3, "By resource", null, "unit-1", null) + "]"));
    assertEquals(new ServiceResult.Delivered<>(lms.url("/mod/lti/services.php/2/lineitems/3/lineitem?type_id=3")),
        client.resolve(ALL, containerOnly(), WANTED));
  }

  @Test
  void byTagLast() throws Exception {
    lms.route("GET", CONTAINER, null, AgsMediaType.LINE_ITEM_CONTAINER, r -> Reply.json(200, "["
        + item(1, "Unrelated", null, "unit-9", "other") + "," + item(2, "Tagged", null, null, "reflection") + "]"));
    assertEquals(new ServiceResult.Delivered<>(lms.url("/mod/lti/services.php/2/lineitems/2/lineitem?type_id=3")),
        client.resolve(ALL, containerOnly(), WANTED));
  }

  @Test
  void aMissingLineItemIsCreatedWithTheLineItemMediaType() throws Exception {
    lms.route("GET", CONTAINER, null, AgsMediaType.LINE_ITEM_CONTAINER, r -> Reply.json(200, "[]"));
    lms.route("POST", CONTAINER, AgsMediaType.LINE_ITEM, AgsMediaType.LINE_ITEM,
        r -> Reply.json(201, item(4, "Unit 1 reflection", "rl-1", "unit-1", "reflection")));

    ServiceResult<URI> created = client.resolve(ALL, containerOnly(), WANTED);

    assertEquals(new ServiceResult.Delivered<>(lms.url("/mod/lti/services.php/2/lineitems/4/lineitem?type_id=3")), created);
    Map<String, Object> sent = JSONObjectUtils.parse(lms.last().body());
    assertEquals("Unit 1 reflection", sent.get("label"));
    assertEquals(20.0, ((Number) sent.get("scoreMaximum")).doubleValue());
    assertEquals("rl-1", sent.get("resourceLinkId"));
    assertEquals("unit-1", sent.get("resourceId"));
    assertEquals("reflection", sent.get("tag"));
    assertEquals("type_id=3", lms.last().uri().getQuery(), "the container's query is kept");
  }

  @Test
  void withoutTheLineItemScopeNothingIsCreated() throws Exception {
    lms.route("GET", CONTAINER, null, AgsMediaType.LINE_ITEM_CONTAINER, r -> Reply.json(200, "[]"));
    ServiceToken readOnly = new ServiceToken("at-3", Set.of(AgsScope.LINE_ITEM_READONLY, AgsScope.SCORE), NOW.plusSeconds(60));
    LtiException e = assertThrows(LtiException.class, () -> client.resolve(readOnly, containerOnly(), WANTED));
    assertEquals(LtiFailure.LINE_ITEM_UNAVAILABLE, e.failure());
    assertEquals("The platform has no line item for this activity and did not grant the tool the right to create one"
        + " (scope https://purl.imsglobal.org/spec/lti-ags/scope/lineitem).", e.getMessage());
  }

  @Test
  void aClaimWithoutLineItemsIsUnavailable() {
    AgsEndpoint nothing = new AgsEndpoint(Set.of(AgsScope.SCORE), Optional.empty(), Optional.empty());
    LtiException e = assertThrows(LtiException.class, () -> client.resolve(ALL, nothing, WANTED));
    assertEquals("The platform gave no line item and no line items container for this activity.", e.getMessage());
  }

  @Test
  void aContainerThatIsRetriedLaterIsPassedOn() throws Exception {
    lms.route("GET", CONTAINER, null, AgsMediaType.LINE_ITEM_CONTAINER, r -> Reply.json(503, "").with("Retry-After", "30"));
    assertEquals(new ServiceResult.RetryLater<>("HTTP 503", Optional.of(NOW.plusSeconds(30))),
        client.resolve(ALL, containerOnly(), WANTED));
  }

  @Test
  void aPlainJsonAcceptWouldBeRefusedByTheFakeAsByMoodle() throws Exception {
    lms.route("GET", CONTAINER, null, AgsMediaType.LINE_ITEM_CONTAINER, r -> Reply.json(200, "[]"));
    ServiceCall raw = new ServiceCall(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(2));
    assertEquals(new ServiceResult.Failed<>(400, "Incorrect Accept header"),
        raw.send("GET", lms.url(CONTAINER), ALL, "application/json", null, null, true));
    assertEquals(new ServiceResult.Delivered<>(List.of()), client.list(ALL, lms.url(CONTAINER)));
  }

  @Test
  void aScoreMaximumOfTheWrongTypeIsNamed() throws Exception {
    lms.route("GET", CONTAINER, null, AgsMediaType.LINE_ITEM_CONTAINER,
        r -> Reply.json(200, "[{\"id\":\"https://lms.example.org/li/1\",\"label\":\"A\",\"scoreMaximum\":\"ten\"}]"));
    LtiException e = assertThrows(LtiException.class, () -> client.list(ALL, lms.url(CONTAINER)));
    assertEquals(LtiFailure.SERVICE_ANSWER_INVALID, e.failure());
    assertEquals("The platform's line item: scoreMaximum must be a number.", e.getMessage());
  }

  @Test
  void aContainerThatIsNotAnArrayIsNamed() throws Exception {
    lms.route("GET", CONTAINER, null, AgsMediaType.LINE_ITEM_CONTAINER, r -> Reply.json(200, "{\"lineItems\":[]}"));
    LtiException e = assertThrows(LtiException.class, () -> client.list(ALL, lms.url(CONTAINER)));
    assertEquals("The platform's line item container is not a JSON array.", e.getMessage());
  }

  @Test
  void aLineItemWithoutIdIsNamed() throws Exception {
    lms.route("GET", "/li", null, AgsMediaType.LINE_ITEM, r -> Reply.json(200, "{\"label\":\"A\",\"scoreMaximum\":5}"));
    LtiException e = assertThrows(LtiException.class, () -> client.get(ALL, lms.url("/li")));
    assertEquals("The platform's line item: id is missing.", e.getMessage());
  }

  @Test
  void aLineItemIsReadWithItsDates() throws Exception {
    lms.route("GET", "/li", null, AgsMediaType.LINE_ITEM, r -> Reply.json(200, "{\"id\":\"" + lms.url("/li?type_id=1")
        + "\",\"label\":\"A\",\"scoreMaximum\":7.5,\"startDateTime\":\"2026-01-31T22:23:11+0000\","
        + "\"endDateTime\":\"2026-03-01T12:00:00.000+02:00\",\"gradesReleased\":true}"));
    LineItem item = client.get(ALL, lms.url("/li")).orThrow();
    assertEquals(7.5, item.scoreMaximum());
    assertEquals(Optional.of(OffsetDateTime.parse("2026-01-31T22:23:11Z")), item.startDateTime());
    assertEquals(Optional.of(OffsetDateTime.parse("2026-03-01T12:00:00+02:00")), item.endDateTime());
  }

  @Test
  void anUpdateIsAPutToTheLineItemsOwnUrl() throws Exception {
    URI url = lms.url("/li/5/lineitem?type_id=3");
    lms.route("PUT", "/li/5/lineitem", AgsMediaType.LINE_ITEM, AgsMediaType.LINE_ITEM, r -> Reply.json(200, r.body()));
    LineItem updated = client.update(ALL, WANTED.withId(url)).orThrow();
    assertEquals(Optional.of(url), updated.id());
    assertEquals("type_id=3", lms.last().uri().getQuery());
  }
}

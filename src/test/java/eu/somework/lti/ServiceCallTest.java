package eu.somework.lti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eu.somework.lti.FakeLms.Reply;
import java.net.ServerSocket;
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

/** How one call to a platform service is classified for an outbox: every outcome, with its exact reason. */
class ServiceCallTest {
  static final Instant NOW = Instant.parse("2026-02-02T08:00:00Z");
  static final ServiceToken TOKEN = new ServiceToken("at-secret-123", Set.of("s"), NOW.plusSeconds(3600));
  static final String TYPE = "application/vnd.ims.lis.v2.lineitem+json";

  FakeLms lms;
  final ServiceCall call = new ServiceCall(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMillis(500),
      Duration.ofMillis(500), 1024);

  @BeforeEach
  void start() throws Exception {
    lms = new FakeLms();
  }

  @AfterEach
  void stop() {
    lms.close();
  }

  ServiceResult<ServiceCall.Answer> getAnswering(Reply reply) throws LtiException {
    lms.route("GET", "/item", null, TYPE, r -> reply);
    return call.send("GET", lms.url("/item"), TOKEN, TYPE, null, null, true);
  }

  @Test
  void aSuccessIsDeliveredWithItsBodyAndTheTokenWentAsBearer() throws Exception {
    ServiceResult<ServiceCall.Answer> result = getAnswering(Reply.json(200, "{\"a\":1}"));
    assertEquals("{\"a\":1}", assertInstanceOf(ServiceResult.Delivered.class, result).value() instanceof ServiceCall.Answer a ? a.text() : null);
    assertEquals("Bearer at-secret-123", lms.last().header("Authorization"));
    assertEquals(TYPE, lms.last().header("Accept"));
  }

  @Test
  void http401AsksForANewToken() throws Exception {
    ServiceResult<?> result = getAnswering(Reply.json(401, "{\"error\":\"invalid_token\"}"));
    assertEquals(new ServiceResult.TokenRejected<>("invalid_token"), result);
  }

  @Test
  void http429IsRetriedAtTheMomentRetryAfterNamesInSeconds() throws Exception {
    ServiceResult<?> result = getAnswering(Reply.of(429, "text/plain", "Slow down").with("Retry-After", "120"));
    assertEquals(new ServiceResult.RetryLater<>("HTTP 429: Slow down", Optional.of(NOW.plusSeconds(120))), result);
  }

  @Test
  void http503IsRetriedAtTheMomentRetryAfterNamesAsADate() throws Exception {
    ServiceResult<?> result = getAnswering(Reply.of(503, "text/html", "<html>down</html>")
        .with("Retry-After", "Mon, 02 Feb 2026 08:30:00 GMT"));
    assertEquals(new ServiceResult.RetryLater<>("HTTP 503", Optional.of(Instant.parse("2026-02-02T08:30:00Z"))), result);
  }

  @Test
  void http500IsRetriedAfterTheCallersBackoff() throws Exception {
    assertEquals(new ServiceResult.RetryLater<>("HTTP 500", Optional.empty()), getAnswering(Reply.json(500, "")));
  }

  @Test
  void http408IsRetried() throws Exception {
    assertInstanceOf(ServiceResult.RetryLater.class, getAnswering(Reply.json(408, "")));
  }

  @Test
  void anotherClientErrorIsAFailureWithThePlatformsPlainTextMessage() throws Exception {
    ServiceResult<?> result = getAnswering(Reply.of(400, "text/plain", "Incorrect score received\nat line 3"));
    assertEquals(new ServiceResult.Failed<>(400, "Incorrect score received"), result);
  }

  @Test
  void aJsonErrorBodyGivesItsMessage() throws Exception {
    ServiceResult<?> result = getAnswering(Reply.json(403, "{\"error\":\"forbidden\",\"error_description\":\"Not in this course\"}"));
    assertEquals(new ServiceResult.Failed<>(403, "Not in this course"), result);
  }

  @Test
  void a409SaysThePlatformHoldsANewerScore() throws Exception {
    ServiceResult<?> result = getAnswering(Reply.of(409, "text/plain", "Score not newer than the stored one"));
    assertEquals(new ServiceResult.Failed<>(409, "Score not newer than the stored one"), result);
  }

  @Test
  void aReasonNeverCarriesAToken() throws Exception {
    ServiceResult<?> result = getAnswering(Reply.of(400, "text/plain",
        "Bad token Bearer at-secret-123 or eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJl"));
    assertEquals(new ServiceResult.Failed<>(400, "Bad token Bearer [token] or [token]"), result);
  }

  @Test
  void aLongReasonIsCut() throws Exception {
    ServiceResult<?> result = getAnswering(Reply.of(400, "text/plain", "x".repeat(500)));
    assertEquals(ServiceCall.MAX_REASON_CHARS, ((ServiceResult.Failed<?>) result).reason().length());
  }

  @Test
  void aFailureWithoutMessageSaysItsStatus() throws Exception {
    assertEquals(new ServiceResult.Failed<>(404, "HTTP 404"), getAnswering(new Reply(404, java.util.Map.of(), null, Duration.ZERO)));
  }

  @Test
  void aRedirectIsNotFollowed() throws Exception {
    ServiceResult<?> result = getAnswering(Reply.of(302, "text/plain", "").with("Location", "https://elsewhere.example/"));
    assertEquals(new ServiceResult.Failed<>(302, "redirected (HTTP 302), which the tool does not follow"), result);
    assertEquals(1, lms.requests().size());
  }

  @Test
  void aSlowPlatformIsRetriedLater() throws Exception {
    ServiceResult<?> result = getAnswering(Reply.json(200, "{}").after(Duration.ofMillis(1500)));
    assertEquals(new ServiceResult.RetryLater<>("no answer within 500 ms", Optional.empty()), result);
  }

  @Test
  void aRefusedConnectionIsRetriedLater() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    ServiceResult<?> result = call.send("GET", URI.create("http://127.0.0.1:" + port + "/x"), TOKEN, TYPE, null, null, true);
    assertEquals(new ServiceResult.RetryLater<>("connection refused", Optional.empty()), result);
  }

  @Test
  void anOversizedSuccessBodyIsAFailure() throws Exception {
    ServiceResult<?> result = getAnswering(Reply.json(200, "[" + "1,".repeat(1000) + "1]"));
    assertEquals(new ServiceResult.Failed<>(200, "the answer is larger than 1024 bytes"), result);
  }

  @Test
  void anOversizedErrorBodyStillGivesItsFirstLine() throws Exception {
    ServiceResult<?> result = getAnswering(Reply.of(400, "text/plain", "Incorrect score received\n" + "y".repeat(20000)));
    assertEquals(new ServiceResult.Failed<>(400, "Incorrect score received"), result);
  }

  @Test
  void plainHttpOutsideLoopbackIsRefusedBeforeAnyRequest() {
    LtiException e = assertThrows(LtiException.class,
        () -> call.send("GET", URI.create("http://lms.example.org/item"), TOKEN, TYPE, null, null, true));
    assertEquals(LtiFailure.SERVICE_ENDPOINT_REFUSED, e.failure());
    assertEquals("The platform's service URL must use https (plain http only on this machine's loopback: "
        + "127.0.0.0/8, ::1, localhost).", e.getMessage());
  }

  @Test
  void pagesAreFollowedAndTheirCountIsCapped() throws Exception {
    lms.route("GET", "/list", null, TYPE, r -> Reply.json(200, "[]").with("Link", "<" + lms.url("/list?p=" + (r.uri().getQuery() == null ? 1 : Integer.parseInt(r.uri().getQuery().substring(2)) + 1)) + ">; rel=\"next\""));
    LtiException e = assertThrows(LtiException.class, () -> call.getPages(lms.url("/list"), TOKEN, TYPE, 3));
    assertEquals(LtiFailure.SERVICE_ANSWER_INVALID, e.failure());
    assertEquals("The platform's list has more than 3 pages.", e.getMessage());
    assertEquals(3, lms.requests().size());
  }

  @Test
  void pagesInACircleAreRefused() throws Exception {
    lms.route("GET", "/list", null, TYPE, r -> Reply.json(200, "[]").with("Link", "</list>; rel=next"));
    LtiException e = assertThrows(LtiException.class, () -> call.getPages(lms.url("/list"), TOKEN, TYPE, 10));
    assertEquals("The platform's list pages lead in a circle (a next page repeats one already read).", e.getMessage());
  }

  @Test
  void aNextPageOnAnotherSiteGetsNoToken() throws Exception {
    lms.route("GET", "/list", null, TYPE, r -> Reply.json(200, "[]").with("Link", "<https://evil.example/list>; rel=\"next\""));
    LtiException e = assertThrows(LtiException.class, () -> call.getPages(lms.url("/list"), TOKEN, TYPE, 10));
    assertEquals(LtiFailure.SERVICE_ENDPOINT_REFUSED, e.failure());
    assertEquals(1, lms.requests().size());
  }

  @Test
  void aFailedPageEndsTheListWithThatOutcome() throws Exception {
    lms.route("GET", "/list", null, TYPE, r -> r.uri().getQuery() == null
        ? Reply.json(200, "[]").with("Link", "</list?p=2>; rel=\"next\"") : Reply.json(503, ""));
    assertEquals(new ServiceResult.RetryLater<>("HTTP 503", Optional.empty()),
        call.getPages(lms.url("/list"), TOKEN, TYPE, 10));
    assertEquals(List.of("/list", "/list"), lms.requests().stream().map(r -> r.uri().getPath()).toList());
  }
}

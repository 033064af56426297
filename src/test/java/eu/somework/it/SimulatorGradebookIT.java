package eu.somework.it;

import static org.junit.jupiter.api.Assertions.assertThrows;

import eu.somework.lti.LtiException;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import eu.somework.lti.ServiceCall;
import eu.somework.lti.ServiceResult;
import eu.somework.lti.ServiceToken;
import eu.somework.lti.ServiceTokenClient;
import eu.somework.lti.ags.AgsEndpoint;
import eu.somework.lti.ags.AgsMediaType;
import eu.somework.lti.ags.AgsScope;
import eu.somework.lti.ags.LineItem;
import eu.somework.lti.ags.LineItemClient;
import eu.somework.lti.ags.LineItemResult;
import eu.somework.lti.ags.LineItemUrls;
import eu.somework.lti.ags.ResultClient;
import eu.somework.lti.ags.Score;
import eu.somework.lti.ags.ScorePublisher;
import eu.somework.lti.nrps.Member;
import eu.somework.lti.nrps.MembershipClient;
import eu.somework.persistence.Migrations;
import eu.somework.simulator.DemoCourse;
import eu.somework.simulator.SimulatedPlatform;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The simulator's AGS and NRPS endpoints over HTTP, driven by the tool's own clients
 * ({@code eu.somework.lti.ags}, {@code eu.somework.lti.nrps}) the way the tool will: an access token
 * from the simulator's token endpoint for a client assertion signed with the tool's key (which the
 * simulator checks against the tool's published key set), then line items, scores, results and
 * memberships — and the refusals Moodle gives.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SimulatorGradebookIT {
  static final String TOOL = MockPlatforms.TOOL;
  static final SimulatedPlatform PLATFORM = new SimulatedPlatform(TOOL);
  static final Set<String> ALL_SCOPES = Set.of(AgsScope.LINE_ITEM, AgsScope.RESULT_READONLY, AgsScope.SCORE,
      MembershipClient.SCOPE);
  static RSAKey toolKey;
  static ServiceToken token;

  final ServiceCall call = new ServiceCall(Clock.systemUTC(), Duration.ofSeconds(10));
  final LineItemClient lineItems = new LineItemClient(call);
  final ScorePublisher scores = new ScorePublisher(call);
  final ResultClient results = new ResultClient(call);

  @Deployment(testable = false)
  static WebArchive deploy() throws Exception {
    WebArchive war = ToolDeployment.war();
    // before the server starts: the tool's signing key, taken from (or put in) its database, so
    // that this test can sign client assertions exactly as the tool does
    toolKey = toolKeyInTheDatabase();
    return war;
  }

  @BeforeAll
  static void askForAnAccessToken() throws Exception {
    // the server runs by now (Arquillian deploys before the class's own set-up); its token endpoint
    // checks the assertion against the key set it fetches from the tool over HTTP, which a server
    // that has just started on a busy machine may answer too late: a refusal is asked again
    LtiException refused = null;
    for (int attempt = 0; attempt < 5; attempt++) {
      try {
        token = new ServiceTokenClient(Clock.systemUTC(), Duration.ofSeconds(10))
            .request(PLATFORM.registration(), toolKey, ALL_SCOPES);
        return;
      } catch (LtiException e) {
        refused = e;
        Thread.sleep(2000);
      }
    }
    throw refused;
  }

  /** The tool's CURRENT key in the H2 database of the test server; created (with a NEXT key) when it has none yet. */
  static RSAKey toolKeyInTheDatabase() throws Exception {
    Path data = Path.of(System.getProperty("it.data.dir", "target/it-data"));
    java.nio.file.Files.createDirectories(data);
    String url = "jdbc:h2:file:" + data.resolve("somework").toAbsolutePath().toString().replace('\\', '/');
    Migrations.on(url, "sa", "").migrate();
    try (Connection db = DriverManager.getConnection(url, "sa", "")) {
      try (PreparedStatement find = db.prepareStatement(
          "SELECT jwk FROM signing_key WHERE owner = 'tool' AND status = 'CURRENT' AND encrypted = FALSE")) {
        ResultSet row = find.executeQuery();
        if (row.next()) {
          return RSAKey.parse(row.getString(1));
        }
      }
      RSAKey current = newKey();
      for (RSAKey key : List.of(current, newKey())) {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO signing_key (kid, owner, status, jwk, encrypted,"
            + " created_at) VALUES (?, 'tool', ?, ?, FALSE, CURRENT_TIMESTAMP)")) {
          insert.setString(1, key.getKeyID());
          insert.setString(2, key == current ? "CURRENT" : "NEXT");
          insert.setString(3, key.toJSONString());
          insert.executeUpdate();
        }
      }
      return current;
    }
  }

  static RSAKey newKey() throws Exception {
    return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE)
        .algorithm(JWSAlgorithm.RS256).generate();
  }

  static AgsEndpoint claimWithoutLineItem() {
    return new AgsEndpoint(ALL_SCOPES, Optional.of(URI.create(PLATFORM.lineItemsUrl())), Optional.empty());
  }

  static LineItem wanted(String resourceLinkId) {
    return LineItem.toCreate("Unit 1 reflection", 20, resourceLinkId, Optional.of("unit-1"), Optional.of("reflection"));
  }

  static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
  }

  @Test
  void theTokenEndpointGrantsTheServiceScopesForTheToolsSignedAssertion() {
    assertEquals(ALL_SCOPES, token.scopes());
  }

  @Test
  void aLineItemIsCreatedOnceWithAMoodleStyleUrlAndScoresReachTheGradebook() throws Exception {
    String link = "rl-it-" + UUID.randomUUID().toString().substring(0, 8);
    URI lineItem = lineItems.resolve(token, claimWithoutLineItem(), wanted(link)).orThrow();
    assertTrue(lineItem.toString().startsWith(TOOL + "/simulator/ags/" + DemoCourse.CONTEXT_ID + "/lineitems/"), lineItem.toString());
    assertTrue(lineItem.toString().endsWith("/lineitem?type_id=1"), lineItem.toString());
    assertEquals(lineItem, lineItems.resolve(token, claimWithoutLineItem(), wanted(link)).orThrow(),
        "found again by its resource link, not created twice");
    LineItem read = lineItems.get(token, lineItem).orThrow();
    assertEquals(20.0, read.scoreMaximum());
    assertEquals(Optional.of(link), read.resourceLinkId());
    LineItem renamed = lineItems.update(token, new LineItem(read.id(), "Unit 1 reflection (renamed)", 25,
        read.resourceId(), read.resourceLinkId(), read.tag(), Optional.empty(), Optional.empty())).orThrow();
    assertEquals("Unit 1 reflection (renamed)", lineItems.get(token, lineItem).orThrow().label());
    assertEquals(25.0, renamed.scoreMaximum());

    OffsetDateTime submitted = now();
    assertEquals(new ServiceResult.Delivered<Void>(null),
        scores.publish(token, lineItem, Score.submitted("sim-student-aino", submitted)));
    assertEquals(List.of(new LineItemResult("sim-student-aino", Optional.empty(), Optional.of(1.0), Optional.empty())),
        results.results(token, lineItem, Optional.of("sim-student-aino")).orThrow(),
        "a submission holds no points (scoreMaximum defaults to 1, as in Moodle)");

    assertEquals(new ServiceResult.Delivered<Void>(null), scores.publish(token, lineItem,
        Score.graded("sim-student-aino", 17.5, 20, Optional.of("Clear & well argued."), submitted.plusSeconds(1))));
    assertEquals(List.of(new LineItemResult("sim-student-aino", Optional.of(17.5), Optional.of(20.0),
        Optional.of("Clear & well argued."))), results.results(token, lineItem, Optional.empty()).orThrow());

    String page = new Browser().get(TOOL + "/simulator").body();
    assertTrue(page.contains("<h3>Unit 1 reflection (renamed) <span class=\"meta\">(max 25)</span></h3>"), page);
    assertTrue(page.contains("<tr><td>Aino Virtanen</td><td>17.5 / 20</td><td>Completed</td><td>FullyGraded</td>"
        + "<td>Clear &amp; well argued.</td><td>" + Score.TIMESTAMP.format(submitted.plusSeconds(1)) + "</td>"), page);
  }

  @Test
  void aScoreNotNewerThanTheStoredOneIsRefusedWith409AndIgnored() throws Exception {
    URI lineItem = lineItems.resolve(token, claimWithoutLineItem(), wanted("rl-it-409")).orThrow();
    OffsetDateTime at = now();
    scores.publish(token, lineItem, Score.graded("sim-student-sam", 10, 20, Optional.empty(), at)).orThrow();
    ServiceResult<Void> same = scores.publish(token, lineItem, Score.graded("sim-student-sam", 12, 20, Optional.empty(), at));
    assertEquals(new ServiceResult.Failed<Void>(409, "The score is not newer than the one the gradebook holds."), same);
    assertEquals(Optional.of(10.0), results.results(token, lineItem, Optional.of("sim-student-sam")).orThrow().get(0).resultScore());
  }

  @Test
  void aScoreForSomeoneWhoIsNotALearnerIsAnIncorrectScore() throws Exception {
    URI lineItem = lineItems.resolve(token, claimWithoutLineItem(), wanted("rl-it-400")).orThrow();
    assertEquals(new ServiceResult.Failed<Void>(400, "Incorrect score received"),
        scores.publish(token, lineItem, Score.graded("sim-teacher-maria", 1, 20, Optional.empty(), now())));
  }

  @Test
  void aGeneratedLearnerJoinsTheCourseAtTheFirstLaunchAndIsGradableOnlyFromThen() throws Exception {
    URI lineItem = lineItems.resolve(token, claimWithoutLineItem(), wanted("rl-it-generated")).orThrow();
    String learner = "sim-learner-" + (10_000 + new java.util.Random().nextInt(90_000)); // a new one per run
    MembershipClient roster = new MembershipClient(call);
    URI memberships = URI.create(PLATFORM.membershipsUrl());
    assertEquals(new ServiceResult.Failed<Void>(400, "Incorrect score received"),
        scores.publish(token, lineItem, Score.submitted(learner, now())), "not enrolled before a launch");
    assertTrue(roster.members(token, memberships, OptionalInt.empty()).orThrow().stream()
        .noneMatch(m -> m.userId().equals(learner)));

    Browser.Page landing = SimulatorFlowIT.launchFromSimulator(new Browser(), learner, "rl-module", "en");
    assertEquals(200, landing.status(), landing.body());

    Member joined = roster.members(token, memberships, OptionalInt.empty()).orThrow().stream()
        .filter(m -> m.userId().equals(learner)).findFirst().orElseThrow();
    assertEquals(Optional.of("Learner " + learner.substring("sim-learner-".length())), joined.name());
    assertEquals(DemoCourse.PEOPLE.get(0).ltiRoles(), joined.roles(), "a student's roles");
    assertEquals(new ServiceResult.Delivered<Void>(null),
        scores.publish(token, lineItem, Score.graded(learner, 12, 20, Optional.empty(), now())));
    assertEquals(Optional.of(12.0), results.results(token, lineItem, Optional.of(learner)).orThrow().get(0).resultScore());
  }

  @Test
  void aScoreAsPlainJsonIsRefusedWith400() throws Exception {
    URI lineItem = lineItems.resolve(token, claimWithoutLineItem(), wanted("rl-it-json")).orThrow();
    ServiceResult<ServiceCall.Answer> answer = call.send("POST", LineItemUrls.scores(lineItem), token, null,
        "application/json", Score.submitted("sim-student-zofia", now()).toJson(), true);
    assertEquals(new ServiceResult.Failed<>(400, "Content-Type must be " + AgsMediaType.SCORE + "."), answer);
  }

  @Test
  void aScoresUrlThatLostTheLineItemsQueryIsRefused() throws Exception {
    URI lineItem = lineItems.resolve(token, claimWithoutLineItem(), wanted("rl-it-query")).orThrow();
    // what appending text to the whole URL gives: …/lineitem?type_id=1/scores
    URI appended = URI.create(lineItem + "/scores");
    ServiceResult<ServiceCall.Answer> answer = call.send("POST", appended, token, null, AgsMediaType.SCORE,
        Score.submitted("sim-student-zofia", now()).toJson(), false);
    assertTrue(answer instanceof ServiceResult.Failed<?>, answer.describe());
  }

  @Test
  void withoutAValidAccessTokenTheServicesAnswer401() throws Exception {
    URI lineItem = lineItems.resolve(token, claimWithoutLineItem(), wanted("rl-it-401")).orThrow();
    ServiceToken forged = new ServiceToken("not-a-token", ALL_SCOPES, token.expiresAt());
    assertEquals(new ServiceResult.TokenRejected<Void>("The access token was not issued by this platform."),
        scores.publish(forged, lineItem, Score.submitted("sim-student-zofia", now())));

    HttpResponse<String> bare = HttpClient.newHttpClient().send(HttpRequest.newBuilder(LineItemUrls.scores(lineItem))
        .header("Content-Type", AgsMediaType.SCORE)
        .POST(HttpRequest.BodyPublishers.ofString(Score.submitted("sim-student-zofia", now()).toJson())).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(401, bare.statusCode());
    assertEquals("An access token is required (Authorization: Bearer).", bare.body());
  }

  @Test
  void aTokenWithoutTheScoreScopeCannotPublish() throws Exception {
    URI lineItem = lineItems.resolve(token, claimWithoutLineItem(), wanted("rl-it-scope")).orThrow();
    ServiceToken rosterOnly = new ServiceTokenClient(Clock.systemUTC(), Duration.ofSeconds(10))
        .request(PLATFORM.registration(), toolKey, Set.of(MembershipClient.SCOPE));
    assertEquals(new ServiceResult.TokenRejected<Void>("The access token does not grant " + AgsScope.SCORE + "."),
        scores.publish(rosterOnly, lineItem, Score.submitted("sim-student-zofia", now())));
  }

  @Test
  void theMembershipsArriveOverSeveralPagesWhenALimitIsSent() throws Exception {
    List<Member> members = new MembershipClient(call)
        .members(token, URI.create(PLATFORM.membershipsUrl()), OptionalInt.of(3)).orThrow();
    // the fixed people first; generated learners who launched (another test's) follow them
    assertEquals(DemoCourse.PEOPLE.stream().map(DemoCourse.Person::id).toList(),
        members.stream().map(Member::userId).limit(DemoCourse.PEOPLE.size()).toList());
    assertEquals(Optional.of("Aino"), members.get(0).givenName());
    assertEquals(DemoCourse.PEOPLE.get(0).ltiRoles(), members.get(0).roles());

    ServiceResult<List<ServiceCall.Answer>> pages = call.getPages(
        URI.create(PLATFORM.membershipsUrl() + "?limit=3"), token, MembershipClient.MEDIA_TYPE, 10);
    assertEquals(3, pages.orThrow().size(), "7 people, 3 a page");
    HttpResponse<String> plainJson = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(PLATFORM.membershipsUrl()))
        .header("Accept", "application/json").header("Authorization", "Bearer " + token.accessToken()).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(400, plainJson.statusCode(), plainJson.body());
  }

  @Test
  void thePlatformCanBeToldToFailForAWhileAndRecovers() throws Exception {
    URI lineItem = lineItems.resolve(token, claimWithoutLineItem(), wanted("rl-it-fault")).orThrow();
    Browser tester = new Browser();
    assertEquals(303, tester.post(TOOL + "/simulator/faults", Map.of("fault", "SCORES_UNAVAILABLE", "minutes", "5"))
        .status());
    assertTrue(tester.get(TOOL + "/simulator").body().contains("scores answer 503 (maintenance)</strong> until"));
    ServiceResult<Void> down = scores.publish(token, lineItem, Score.submitted("sim-student-layla", now()));
    assertTrue(down instanceof ServiceResult.RetryLater<Void> later && later.retryAt().isPresent(), down.toString());

    assertEquals(303, tester.post(TOOL + "/simulator/faults", Map.of("fault", "TOKENS_REFUSED", "minutes", "5"))
        .status());
    LtiException refused = assertThrows(LtiException.class, () -> new ServiceTokenClient(Clock.systemUTC(),
        Duration.ofSeconds(10)).request(PLATFORM.registration(), toolKey, ALL_SCOPES));
    assertTrue(refused.getMessage().contains("HTTP 401"), refused.getMessage());

    assertEquals(400, tester.post(TOOL + "/simulator/faults", Map.of("fault", "SCORES_UNAVAILABLE", "minutes", "0"))
        .status(), "a length out of range");
    assertEquals(400, tester.post(TOOL + "/simulator/faults", Map.of("fault", "EVERYTHING", "minutes", "5"))
        .status(), "an unknown fault");
    assertEquals(303, tester.post(TOOL + "/simulator/faults", Map.of("fault", "clear")).status());
    assertEquals(new ServiceResult.Delivered<Void>(null),
        scores.publish(token, lineItem, Score.submitted("sim-student-layla", now())));
  }
}

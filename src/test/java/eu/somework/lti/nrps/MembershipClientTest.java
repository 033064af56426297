package eu.somework.lti.nrps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eu.somework.lti.FakeLms;
import eu.somework.lti.FakeLms.Reply;
import eu.somework.lti.LtiException;
import eu.somework.lti.LtiFailure;
import eu.somework.lti.ServiceCall;
import eu.somework.lti.ServiceResult;
import eu.somework.lti.ServiceToken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A course's members over NRPS 2.0, page by page, as Moodle serves them. */
class MembershipClientTest {
  static final Instant NOW = Instant.parse("2026-02-02T08:00:00Z");
  static final ServiceToken TOKEN = new ServiceToken("at-1", Set.of(MembershipClient.SCOPE), NOW.plusSeconds(3600));
  static final String PATH = "/mod/lti/services.php/CourseSection/2/bindings/1/memberships";
  static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";

  FakeLms lms;
  final MembershipClient client = new MembershipClient(new ServiceCall(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(2)));

  @BeforeEach
  void start() throws Exception {
    lms = new FakeLms();
  }

  @AfterEach
  void stop() {
    lms.close();
  }

  static String container(String members) {
    return "{\"id\":\"x\",\"context\":{\"id\":\"2\",\"label\":\"C\",\"title\":\"Course\"},\"members\":[" + members + "]}";
  }

  @Test
  void membersOfEveryPageWithoutNamesAndWithUnknownFields() throws Exception {
    lms.route("GET", PATH, null, MembershipClient.MEDIA_TYPE, r -> r.uri().getQuery().contains("offset=2")
        ? Reply.json(200, container("{\"user_id\":\"3\",\"roles\":[\"Instructor\"],\"status\":\"Inactive\"}"))
        : Reply.json(200, container("{\"user_id\":\"1\",\"roles\":[\"" + LEARNER + "\"],\"name\":\"Aino Virtanen\","
            + "\"given_name\":\"Aino\",\"family_name\":\"Virtanen\",\"email\":\"aino@example.org\",\"picture\":\"p\","
            + "\"lis_person_sourcedid\":\"s\",\"message\":[{}]},{\"user_id\":\"2\",\"roles\":[\"" + LEARNER + "\"]}"))
            .with("Link", "<" + lms.url(PATH + "?limit=2&offset=2") + ">; rel=\"next\", <" + lms.url(PATH + "?since=9")
                + ">; rel=\"differences\""));

    ServiceResult<List<Member>> result = client.members(TOKEN, lms.url(PATH), OptionalInt.of(2));

    assertEquals(new ServiceResult.Delivered<>(List.of(
        new Member("1", List.of(LEARNER), MemberStatus.ACTIVE, Optional.of("Aino Virtanen"), Optional.of("Aino"),
            Optional.of("Virtanen"), Optional.of("aino@example.org")),
        new Member("2", List.of(LEARNER), MemberStatus.ACTIVE, Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty()),
        new Member("3", List.of("Instructor"), MemberStatus.INACTIVE, Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty()))), result);
    assertEquals(List.of("limit=2", "limit=2&offset=2"), lms.requests().stream().map(r -> r.uri().getQuery()).toList(),
        "the differences link is not followed");
    assertEquals("Bearer at-1", lms.last().header("Authorization"));
  }

  @Test
  void rolesOfTheWrongTypeAreNamed() throws Exception {
    lms.route("GET", PATH, null, MembershipClient.MEDIA_TYPE, r -> Reply.json(200, container("{\"user_id\":\"1\",\"roles\":\"Learner\"}")));
    LtiException e = assertThrows(LtiException.class, () -> client.members(TOKEN, lms.url(PATH), OptionalInt.empty()));
    assertEquals(LtiFailure.SERVICE_ANSWER_INVALID, e.failure());
    assertEquals("The platform's membership: roles must be an array of strings.", e.getMessage());
  }

  @Test
  void aUserIdOfTheWrongTypeIsNamed() throws Exception {
    lms.route("GET", PATH, null, MembershipClient.MEDIA_TYPE, r -> Reply.json(200, container("{\"user_id\":42,\"roles\":[]}")));
    LtiException e = assertThrows(LtiException.class, () -> client.members(TOKEN, lms.url(PATH), OptionalInt.empty()));
    assertEquals("The platform's membership: user_id must be a string.", e.getMessage());
  }

  @Test
  void anUnknownStatusIsNamed() throws Exception {
    lms.route("GET", PATH, null, MembershipClient.MEDIA_TYPE, r -> Reply.json(200, container("{\"user_id\":\"1\",\"status\":\"Gone\"}")));
    LtiException e = assertThrows(LtiException.class, () -> client.members(TOKEN, lms.url(PATH), OptionalInt.empty()));
    assertEquals("The platform's membership: status must be Active, Inactive or Deleted.", e.getMessage());
  }

  @Test
  void membersThatAreNotAnArrayAreNamed() throws Exception {
    lms.route("GET", PATH, null, MembershipClient.MEDIA_TYPE, r -> Reply.json(200, "{\"members\":{}}"));
    LtiException e = assertThrows(LtiException.class, () -> client.members(TOKEN, lms.url(PATH), OptionalInt.empty()));
    assertEquals("The platform's membership container: members must be an array of objects.", e.getMessage());
  }

  @Test
  void notJsonIsNamed() throws Exception {
    lms.route("GET", PATH, null, MembershipClient.MEDIA_TYPE, r -> Reply.of(200, "text/html", "<html>login</html>"));
    LtiException e = assertThrows(LtiException.class, () -> client.members(TOKEN, lms.url(PATH), OptionalInt.empty()));
    assertEquals("The platform's membership container is not a JSON object.", e.getMessage());
  }

  @Test
  void aRefusedTokenIsPassedOn() throws Exception {
    lms.route("GET", PATH, null, MembershipClient.MEDIA_TYPE, r -> Reply.of(401, "text/plain", "Unauthorized"));
    assertEquals(new ServiceResult.TokenRejected<>("Unauthorized"), client.members(TOKEN, lms.url(PATH), OptionalInt.empty()));
  }
}

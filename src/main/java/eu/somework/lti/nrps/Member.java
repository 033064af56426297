package eu.somework.lti.nrps;

import eu.somework.lti.LtiException;
import eu.somework.lti.ServiceJson;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One member of a context (NRPS 2.0 §2.3): {@code userId} is the person's LTI {@code sub} (as in
 * launches), {@code roles} the LTI role URIs (full or short, as the platform sends them). Name and
 * email are optional: Moodle omits them when its privacy setting says so, and the tool must work
 * without them.
 */
public record Member(String userId, List<String> roles, MemberStatus status, Optional<String> name,
    Optional<String> givenName, Optional<String> familyName, Optional<String> email) {
  private static final String WHAT = "membership";

  public Member {
    roles = List.copyOf(roles);
  }

  /**
   * From a platform's JSON object; unknown fields are ignored.
   *
   * @throws LtiException {@code SERVICE_ANSWER_INVALID}: user_id missing, roles not an array of
   *     strings, an unknown status, a name or email that is not a string
   */
  public static Member fromJson(Map<String, Object> json) throws LtiException {
    String userId = ServiceJson.requiredString(json, "user_id", WHAT);
    List<String> roles = ServiceJson.strings(json, "roles", WHAT);
    Optional<String> statusText = ServiceJson.string(json, "status", WHAT);
    MemberStatus status = MemberStatus.ACTIVE;
    if (statusText.isPresent()) {
      status = MemberStatus.of(statusText.get()).orElseThrow(() -> ServiceJson.invalid(
          "The platform's membership: status must be Active, Inactive or Deleted."));
    }
    return new Member(userId, roles, status, ServiceJson.string(json, "name", WHAT),
        ServiceJson.string(json, "given_name", WHAT), ServiceJson.string(json, "family_name", WHAT),
        ServiceJson.string(json, "email", WHAT));
  }
}

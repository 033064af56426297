package eu.somework.lti.nrps;

import eu.somework.lti.LtiException;
import eu.somework.lti.ServiceCall;
import eu.somework.lti.ServiceJson;
import eu.somework.lti.ServiceResult;
import eu.somework.lti.ServiceToken;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Reads a context's members (NRPS 2.0): GET on the launch's {@code context_memberships_url} with
 * Accept {@value #MEDIA_TYPE}, following {@code Link: <…>; rel="next"} pages up to
 * {@link #MAX_PAGES}; {@code rel="differences"} is ignored. Immutable and thread-safe.
 */
public final class MembershipClient {
  /** The membership container's media type (NRPS 2.0 §2.2). */
  public static final String MEDIA_TYPE = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";
  /** The scope an access token needs. */
  public static final String SCOPE = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";
  /** Pages read at most: 2,000 learners at Moodle's usual page sizes fit well within it. */
  public static final int MAX_PAGES = 100;
  private final ServiceCall call;

  public MembershipClient(ServiceCall call) {
    this.call = call;
  }

  /**
   * Every member of the context, over all pages.
   *
   * @param token an access token with {@link #SCOPE}
   * @param membershipsUrl the launch's {@code context_memberships_url}
   * @param limit the page size to ask for ({@code limit} query parameter, NRPS 2.0 §2.4.1), or
   *     empty to let the platform choose
   * @return delivered with the members in the platform's order; or retry later, failed, token rejected
   * @throws LtiException {@code SERVICE_ENDPOINT_REFUSED} for a URL that is not https outside
   *     loopback or a next page on another origin; {@code SERVICE_ANSWER_INVALID} for an answer
   *     that is not a membership container (names the field), or more than {@link #MAX_PAGES} pages
   */
  public ServiceResult<List<Member>> members(ServiceToken token, URI membershipsUrl, OptionalInt limit)
      throws LtiException {
    URI first = membershipsUrl;
    if (limit.isPresent()) {
      first = URI.create(membershipsUrl + (membershipsUrl.getRawQuery() == null ? "?" : "&")
          + "limit=" + limit.getAsInt());
    }
    return call.getPages(first, token, MEDIA_TYPE, MAX_PAGES).map(pages -> {
      List<Member> members = new ArrayList<>();
      for (ServiceCall.Answer page : pages) {
        Map<String, Object> container = ServiceJson.object(page.text(), "membership container");
        if (!container.containsKey("members")) {
          throw ServiceJson.invalid("The platform's membership container: members is missing.");
        }
        for (Map<String, Object> json : ServiceJson.objects(container, "members", "membership container")) {
          members.add(Member.fromJson(json));
        }
      }
      return List.copyOf(members);
    });
  }
}

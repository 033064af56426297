package eu.somework.lti.ags;

import eu.somework.lti.LtiException;
import eu.somework.lti.LtiFailure;
import eu.somework.lti.ServiceCall;
import eu.somework.lti.ServiceJson;
import eu.somework.lti.ServiceResult;
import eu.somework.lti.ServiceToken;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The line item service of AGS 2.0 (§3.2): finds the line item of a resource link, creates it when
 * missing, reads and updates one. Immutable and thread-safe.
 *
 * <p>Every method returns a {@link ServiceResult} (delivered / retry later / failed / token
 * rejected) and throws {@link LtiException} only for what no retry mends: a URL that is not https
 * outside loopback ({@code SERVICE_ENDPOINT_REFUSED}), an answer that is not the JSON the
 * specification describes ({@code SERVICE_ANSWER_INVALID}), no line item and no right to create
 * one ({@code LINE_ITEM_UNAVAILABLE}).
 */
public final class LineItemClient {
  /** Pages of the line items container read at most (a course has dozens of columns, not thousands). */
  public static final int MAX_PAGES = 20;
  private final ServiceCall call;

  public LineItemClient(ServiceCall call) {
    this.call = call;
  }

  /**
   * The URL of the line item for {@code wanted}'s resource link: the launch's {@code lineitem} when
   * the claim has one (no request is made); otherwise the first line item in the {@code lineitems}
   * container with the same {@code resourceLinkId}, else the same {@code resourceId}, else the same
   * {@code tag} (in each case not bound to another resource link); otherwise a new one created
   * with POST from {@code wanted}, if the token grants {@link AgsScope#LINE_ITEM}.
   *
   * @param token an access token with {@link AgsScope#LINE_ITEM} or {@link AgsScope#LINE_ITEM_READONLY}
   * @param endpoint the launch's AGS claim
   * @param wanted the line item the tool wants (label, scoreMaximum from the rubric, link, resource id, tag)
   * @throws LtiException {@code LINE_ITEM_UNAVAILABLE} when the claim has neither {@code lineitem}
   *     nor {@code lineitems}, or nothing matches and the token may not create line items; see the
   *     class comment for the others
   */
  public ServiceResult<URI> resolve(ServiceToken token, AgsEndpoint endpoint, LineItem wanted) throws LtiException {
    if (endpoint.lineItem().isPresent()) {
      return new ServiceResult.Delivered<>(endpoint.lineItem().get());
    }
    URI container = endpoint.lineItems().orElseThrow(() -> new LtiException(LtiFailure.LINE_ITEM_UNAVAILABLE,
        "The platform gave no line item and no line items container for this activity."));
    ServiceResult<List<LineItem>> all = list(token, container);
    if (!(all instanceof ServiceResult.Delivered<List<LineItem>> delivered)) {
      return all.retyped();
    }
    Optional<LineItem> match = match(delivered.value(), wanted);
    if (match.isPresent()) {
      return new ServiceResult.Delivered<>(match.get().id().orElseThrow());
    }
    if (!token.scopes().contains(AgsScope.LINE_ITEM)) {
      throw new LtiException(LtiFailure.LINE_ITEM_UNAVAILABLE, "The platform has no line item for this activity"
          + " and did not grant the tool the right to create one (scope " + AgsScope.LINE_ITEM + ").");
    }
    return create(token, container, wanted).map(created -> created.id().orElseThrow());
  }

  /** The first match by resourceLinkId, then resourceId, then tag; never one bound to another link. */
  static Optional<LineItem> match(List<LineItem> items, LineItem wanted) {
    Predicate<LineItem> notOtherLink = item -> item.resourceLinkId().isEmpty() || wanted.resourceLinkId().isEmpty()
        || item.resourceLinkId().equals(wanted.resourceLinkId());
    List<Predicate<LineItem>> rules = new ArrayList<>();
    wanted.resourceLinkId().ifPresent(id -> rules.add(item -> item.resourceLinkId().equals(Optional.of(id))));
    wanted.resourceId().ifPresent(id -> rules.add(item -> item.resourceId().equals(Optional.of(id)) && notOtherLink.test(item)));
    wanted.tag().ifPresent(tag -> rules.add(item -> item.tag().equals(Optional.of(tag)) && notOtherLink.test(item)));
    for (Predicate<LineItem> rule : rules) {
      Optional<LineItem> found = items.stream().filter(rule).findFirst();
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /**
   * Every line item in the container, following {@code rel="next"} pages (at most {@link #MAX_PAGES}).
   * GET with Accept {@value AgsMediaType#LINE_ITEM_CONTAINER}; the answer is a JSON array of line items.
   */
  public ServiceResult<List<LineItem>> list(ServiceToken token, URI container) throws LtiException {
    ServiceResult<List<ServiceCall.Answer>> pages =
        call.getPages(container, token, AgsMediaType.LINE_ITEM_CONTAINER, MAX_PAGES);
    return pages.map(answers -> {
      List<LineItem> items = new ArrayList<>();
      for (ServiceCall.Answer page : answers) {
        for (Map<String, Object> json : ServiceJson.arrayOfObjects(page.text(), "line item container")) {
          items.add(LineItem.fromJson(json));
        }
      }
      return List.copyOf(items);
    });
  }

  /**
   * Creates {@code item} in the container: POST with Content-Type and Accept
   * {@value AgsMediaType#LINE_ITEM} (§3.2.8); the platform answers with the line item and its new id.
   */
  public ServiceResult<LineItem> create(ServiceToken token, URI container, LineItem item) throws LtiException {
    return call.send("POST", container, token, AgsMediaType.LINE_ITEM, AgsMediaType.LINE_ITEM, item.toJson(), true)
        .map(answer -> LineItem.fromJson(ServiceJson.object(answer.text(), "line item")));
  }

  /** Reads one line item: GET with Accept {@value AgsMediaType#LINE_ITEM}. */
  public ServiceResult<LineItem> get(ServiceToken token, URI lineItem) throws LtiException {
    return call.send("GET", lineItem, token, AgsMediaType.LINE_ITEM, null, null, true)
        .map(answer -> LineItem.fromJson(ServiceJson.object(answer.text(), "line item")));
  }

  /**
   * Replaces a line item's label, maximum, ids, tag and dates: PUT to its id with Content-Type and
   * Accept {@value AgsMediaType#LINE_ITEM} (§3.2.9).
   *
   * @throws IllegalArgumentException when {@code item} has no id
   */
  public ServiceResult<LineItem> update(ServiceToken token, LineItem item) throws LtiException {
    URI url = item.id().orElseThrow(() -> new IllegalArgumentException("only a line item with an id can be updated"));
    return call.send("PUT", url, token, AgsMediaType.LINE_ITEM, AgsMediaType.LINE_ITEM, item.toJson(), true)
        .map(answer -> LineItem.fromJson(ServiceJson.object(answer.text(), "line item")));
  }
}

package eu.somework.simulator;

import eu.somework.session.Public;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;

/**
 * The gradebook's "Review submission" action: the course's teacher opens one learner's submission
 * for a gradebook column in the tool, with a submission review request (LTI Submission Review
 * Service 1.0 §2) sent through the same login and iframe as any simulated launch.
 */
@Path("/simulator/review")
@Public("the simulated platform's own pages, behind the simulator gate")
public class SimulatorReviewResource {
  @Inject SimulatorStore store;

  /**
   * Starts the review of {@code user}'s submission on line item {@code lineItem}, launched by the
   * demo course's teacher; 400 when the column or its activity is unknown.
   */
  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response review(@FormParam("lineItem") String lineItemId, @FormParam("user") String userId) {
    SimLineItem item = store.lineItem(lineItemId == null ? "" : lineItemId)
        .orElseThrow(() -> new BadRequestException("Choose a column of the gradebook."));
    if (userId == null || userId.isBlank() || userId.length() > 64) {
      throw new BadRequestException("Choose a learner of the gradebook.");
    }
    SimResourceLink link = linkOf(item)
        .orElseThrow(() -> new BadRequestException("This gradebook column belongs to no activity of the course."));
    DemoCourse.Person teacher = DemoCourse.PEOPLE.stream().filter(p -> p.kind() == DemoCourse.Kind.TEACHER)
        .findFirst().orElseThrow();
    SimLaunch launch = store.startReview(teacher.id(), link.id(), userId, teacher.locale());
    // relative: the page stays on the host name the person opened the simulator under
    return Response.seeOther(URI.create("/simulator?launch=" + launch.id())).build();
  }

  /** The activity a column belongs to: the one the tool named, else the one deep linking made it for. */
  private Optional<SimResourceLink> linkOf(SimLineItem item) {
    return item.resourceLinkId().flatMap(store::link).or(() -> store.links().stream()
        .filter(l -> l.lineItemId().filter(item.id()::equals).isPresent()).findFirst());
  }

  /** A link's column: the one deep linking made for it, else one the tool created for it. */
  static Optional<SimLineItem> lineItemOf(SimulatorStore store, SimResourceLink link) {
    return link.lineItemId().flatMap(store::lineItem).or(() -> store.lineItems().stream()
        .filter(i -> i.resourceLinkId().filter(link.id()::equals).isPresent()).findFirst());
  }
}

package eu.somework.simulator;

import eu.somework.persistence.Transactor;
import eu.somework.session.Public;
import eu.somework.web.Templates;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * A teacher changing a grade in the simulated platform's own gradebook, as one does in Moodle's
 * grader report: a form (a column, a learner, the points) and its POST, which replaces the points
 * the gradebook holds for that learner. The result service then answers with the changed grade, so
 * the tool's check before a regrade ({@code grading.GradebookCheck}) can be tried.
 */
@Path("/simulator/gradebook/override")
@Public("the simulated platform's own gradebook page, behind the simulator gate")
public class SimulatorGradeOverrideResource {
  @Inject SimulatorStore store;
  @Inject Transactor tx;
  @Inject Clock clock;

  /** The form's model: the gradebook's columns and the course's learners. */
  public record View(List<SimulatorPage.Choice> columns, List<SimulatorPage.Choice> learners) {}

  @GET
  @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
  public String form() {
    List<SimulatorPage.Choice> columns = store.lineItems().stream()
        .map(i -> new SimulatorPage.Choice(i.id(), i.label() + " (max " + SimulatorPage.format(i.scoreMaximum()) + ")"))
        .toList();
    List<SimulatorPage.Choice> learners = DemoCourse.PEOPLE.stream().filter(p -> p.kind() == DemoCourse.Kind.STUDENT)
        .map(p -> new SimulatorPage.Choice(p.id(), p.name())).toList();
    return Templates.render("simulator/override.jte", new View(columns, learners));
  }

  /**
   * Sets the learner's points on the column ({@code lineItem}, {@code user}, {@code points} from 0 to
   * the column's maximum); 400 with a reason for anything else.
   */
  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response override(@FormParam("lineItem") String lineItemId, @FormParam("user") String userId,
      @FormParam("points") String points) {
    SimLineItem item = store.lineItem(lineItemId == null ? "" : lineItemId)
        .orElseThrow(() -> new BadRequestException("Choose a column of the gradebook."));
    DemoCourse.Person learner = DemoCourse.person(userId == null ? "" : userId)
        .filter(p -> p.kind() == DemoCourse.Kind.STUDENT)
        .orElseThrow(() -> new BadRequestException("Choose a learner of the course."));
    double given;
    try {
      given = Double.parseDouble(points == null ? "" : points.strip());
    } catch (NumberFormatException e) {
      throw new BadRequestException("Give the points as a number from 0 to " + SimulatorPage.format(item.scoreMaximum())
          + ".");
    }
    if (!(given >= 0 && given <= item.scoreMaximum())) {
      throw new BadRequestException("Give the points as a number from 0 to " + SimulatorPage.format(item.scoreMaximum())
          + ".");
    }
    Instant now = clock.instant();
    tx.run(em -> {
      SimScore held = em.find(SimScore.class, item.id() + " " + learner.id());
      SimScore score = held != null ? held : new SimScore(item.id(), learner.id(), now);
      score.override(given, item.scoreMaximum(), now, now.toString(), now);
      if (held == null) {
        em.persist(score);
      }
    });
    store.record("Grade changed in the gradebook", learner.name() + " on " + item.label() + ": "
        + SimulatorPage.format(given) + "/" + SimulatorPage.format(item.scoreMaximum()));
    return Response.seeOther(URI.create("/simulator#gradebook")).build();
  }
}

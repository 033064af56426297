package eu.somework.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The simulator's page ({@code simulator/simulator.jte}): who launches in which language and what,
 * the tool in an iframe as the course shows it, the course's activities and gradebook columns,
 * what the tool sent back, and the simulator's facts as a platform.
 */
final class SimulatorPage {
  private static final List<Choice> LANGUAGES = List.of(
      new Choice("", "The person's own language"), new Choice("en", "English"),
      new Choice("fi-FI", "Suomi (fi-FI)"), new Choice("lv-LV", "Latviešu (lv-LV)"),
      new Choice("pl_PL", "Polski (pl_PL)"), new Choice("ar", "العربية (ar)"));

  private SimulatorPage() {}

  /** What the page shows; {@code frameLaunchId} is present after a launch, to show the tool. */
  record View(String courseTitle, List<Choice> people, List<Choice> languages, List<Choice> targets,
      String deepLinkingTarget, Optional<String> frameLaunchId, List<Activity> activities, List<SimReceived> received,
      String issuer, String clientId, String deploymentId, List<Column> gradebook, List<Choice> faultKinds,
      List<Fault> faults, List<Count> receivedCounts, Registrations registrations) {}

  /**
   * The "Register a tool" section and the launch form's choice of client: the tools registered
   * through Dynamic Registration, the registration URL offered (this tool's own) and the
   * simulator's OpenID configuration URL.
   */
  record Registrations(List<SimClient> tools, String defaultToolUrl, String openIdConfigurationUrl) {
    static Registrations of(SimulatedPlatform platform, List<SimClient> tools) {
      return new Registrations(tools, platform.toolBaseUrl() + "/lti/register", platform.openIdConfigurationUrl());
    }

    /** The clients to launch as: the built-in registration first. */
    public List<Choice> clients() {
      List<Choice> clients = new ArrayList<>();
      clients.add(new Choice(SimulatedPlatform.CLIENT_ID, "Built-in registration (" + SimulatedPlatform.CLIENT_ID + ")"));
      tools.forEach(t -> clients.add(new Choice(t.clientId(), t.name() + " (" + t.clientId() + ", deployment "
          + t.deploymentId() + ")")));
      return clients;
    }
  }

  /** How many messages of one kind the simulator received from the tool in all (the list shows the latest 50). */
  record Count(String kind, long count) {}

  /** A fault the platform shows now: what fails, and until when (UTC, to the second). */
  record Fault(String label, String until) {}

  /** A gradebook column (line item) and the scores the tool sent to it. */
  record Column(String label, String maximum, List<Grade> grades) {}

  /**
   * One learner's score as the gradebook holds it: who, points ("17.5 / 20", "— / 20" while
   * not fully graded), progress, the comment and the tool's timestamp.
   */
  record Grade(String learner, String points, String activityProgress, String gradingProgress, String comment,
      String timestamp, Review review) {}

  /** What the row's "Review submission" form posts: the column's line item and the learner's id. */
  record Review(String lineItemId, String userId) {}

  /** A radio button or option: the form value and what the person sees. */
  record Choice(String value, String label) {}

  /** An activity of the course: its custom parameters (JSON) and gradebook column, as text. */
  record Activity(String title, String custom, String column) {}

  static View view(SimulatedPlatform platform, Optional<SimLaunch> launch, List<SimResourceLink> links,
      List<SimLineItem> items, List<SimReceived> received) {
    return view(platform, launch, links, items, received, List.of());
  }

  static View view(SimulatedPlatform platform, Optional<SimLaunch> launch, List<SimResourceLink> links,
      List<SimLineItem> items, List<SimReceived> received, List<SimScore> scores) {
    return view(platform, launch, links, items, received, scores, List.of());
  }

  static View view(SimulatedPlatform platform, Optional<SimLaunch> launch, List<SimResourceLink> links,
      List<SimLineItem> items, List<SimReceived> received, List<SimScore> scores, List<SimFault> faults) {
    return view(platform, launch, links, items, received, scores, faults, java.util.Map.of());
  }

  static View view(SimulatedPlatform platform, Optional<SimLaunch> launch, List<SimResourceLink> links,
      List<SimLineItem> items, List<SimReceived> received, List<SimScore> scores, List<SimFault> faults,
      java.util.Map<String, Long> receivedCounts) {
    return view(platform, launch, links, items, received, scores, faults, receivedCounts,
        Registrations.of(platform, List.of()));
  }

  static View view(SimulatedPlatform platform, Optional<SimLaunch> launch, List<SimResourceLink> links,
      List<SimLineItem> items, List<SimReceived> received, List<SimScore> scores, List<SimFault> faults,
      java.util.Map<String, Long> receivedCounts, Registrations registrations) {
    List<Choice> people = DemoCourse.PEOPLE.stream()
        .map(p -> new Choice(p.id(),
            p.name() + " — " + p.kind().name().toLowerCase(Locale.ROOT) + " (" + p.locale() + ")"))
        .toList();
    List<Choice> targets = links.stream().map(link -> new Choice(link.id(), link.title())).toList();
    List<Activity> activities = new ArrayList<>();
    for (SimResourceLink link : links) {
      String column = link.lineItemId().flatMap(id -> items.stream().filter(i -> i.id().equals(id)).findFirst())
          .map(i -> i.label() + " (max " + format(i.scoreMaximum()) + ")").orElse("—");
      activities.add(new Activity(link.title(), link.customJson().orElse(""), column));
    }
    return new View(DemoCourse.CONTEXT_TITLE, people, LANGUAGES, targets, SimulatorPageResource.DEEP_LINKING,
        launch.map(SimLaunch::id), activities, received, platform.issuer(), SimulatedPlatform.CLIENT_ID,
        SimulatedPlatform.DEPLOYMENT_ID, gradebook(items, scores),
        java.util.Arrays.stream(SimFault.Kind.values()).map(k -> new Choice(k.name(), k.label())).toList(),
        faults.stream().map(f -> new Fault(f.kind().label(),
            f.until().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString())).toList(),
        receivedCounts.entrySet().stream().map(e -> new Count(e.getKey(), e.getValue())).toList(), registrations);
  }

  /** Every line item, with the scores held on it (learners by name where the course knows them). */
  static List<Column> gradebook(List<SimLineItem> items, List<SimScore> scores) {
    List<Column> columns = new ArrayList<>();
    for (SimLineItem item : items) {
      List<Grade> grades = scores.stream().filter(s -> s.lineItemId().equals(item.id()))
          .map(s -> new Grade(DemoCourse.person(s.userId()).map(DemoCourse.Person::name).orElse(s.userId()),
              s.scoreGiven().map(SimulatorPage::format).orElse("—") + " / " + format(s.scoreMaximum()),
              s.activityProgress(), s.gradingProgress(), s.comment().orElse(""), s.timestampText(),
              new Review(item.id(), s.userId())))
          .toList();
      columns.add(new Column(item.label(), format(item.scoreMaximum()), grades));
    }
    return columns;
  }

  /** Points as a person writes them: 10, not 10.0; 7.5 stays 7.5. */
  static String format(double points) {
    return points == Math.rint(points) ? String.valueOf((long) points) : String.valueOf(points);
  }
}

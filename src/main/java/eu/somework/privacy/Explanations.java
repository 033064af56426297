package eu.somework.privacy;

import java.util.ArrayList;
import java.util.List;

/** The sentences at the head of an export that say what it holds and what it leaves out, and why. */
final class Explanations {
  private Explanations() {}

  static List<String> of(Audience audience) {
    List<String> lines = new ArrayList<>(List.of(
        "This file holds everything SoMe@Work stores about you under this platform registration;"
            + " docs/privacy.md of the tool explains each part, why it is kept and for how long.",
        "You are named by the ids your learning platform sends (issuer, client id, user id); the tool stores"
            + " no e-mail address.",
        "Comments other people wrote on your reflections are counted (commentsByOthers), not shown:"
            + " they are their authors' data. You see them in the course blog.",
        "The teacher who graded you is not named here. Grades you gave as a teacher are listed without"
            + " the students or their points.",
        "scoresSentToGradebook is what the tool sent, or is about to send, to your platform's gradebook;"
            + " the platform keeps its own record of grades.",
        "auditEventsAboutYou lists the changes of your grades the audit log recorded, without who made them;"
            + " auditEventsByYou what you did that it recorded, without whom it concerned.",
        "Times are UTC (ISO 8601)."));
    if (audience == Audience.PERSON) {
      lines.add("A grade appears with its points and feedback once your teacher has released it."
          + " A teacher's private note on a grade is not part of this download (teacherNoteWithheld says whether"
          + " there is one); ask your institution's data-protection officer for the complete record.");
    }
    return lines;
  }
}

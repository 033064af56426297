package eu.somework.privacy;

/**
 * Who receives an export, which decides two things the tool otherwise keeps from the learner.
 * {@link #PERSON}: the learner's own download from the tool, showing what the tool shows them —
 * a grade's points and feedback once released, never the teacher's private note (its existence is
 * said). {@link #ADMINISTRATOR}: the complete record for a formal request of access (GDPR Art. 15),
 * private notes and unreleased grades included, for the data-protection officer to review for the
 * rights of others (Art. 15(4)) before handing it over.
 */
public enum Audience {
  PERSON,
  ADMINISTRATOR
}

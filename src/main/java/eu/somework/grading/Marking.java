package eu.somework.grading;

import java.util.List;
import java.util.Optional;

/**
 * What a teacher entered for one reflection: the submitted version they read, a mark per rubric
 * criterion, feedback for the student (also the gradebook comment), and a private note that only
 * teachers see and that never leaves the tool.
 */
public record Marking(String versionId, List<CriterionMark> marks, Optional<String> feedback,
    Optional<String> teacherNote) {
  /** Longest feedback kept (the gradebook comment is cut to the outbox's limit). */
  public static final int FEEDBACK_LENGTH = 8000;
  /** Longest private note kept. */
  public static final int NOTE_LENGTH = 4000;

  public Marking {
    marks = List.copyOf(marks);
    feedback = feedback.map(String::strip).filter(f -> !f.isEmpty());
    teacherNote = teacherNote.map(String::strip).filter(n -> !n.isEmpty());
  }
}

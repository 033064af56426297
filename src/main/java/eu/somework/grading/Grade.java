package eu.somework.grading;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A teacher's grade for one student's reflection on one unit in one course. Held as a draft until
 * the teacher releases it; only a released grade is shown to the student and sent to the gradebook.
 * Records which submitted version was graded, so a later revision shows as "needs regrade".
 */
@Entity
@Table(name = "grade")
public class Grade {
  @Id private String id;
  private String issuer;

  @Column(name = "client_id")
  private String clientId;

  @Column(name = "deployment_id")
  private String deploymentId;

  @Column(name = "context_id")
  private String contextId;

  @Column(name = "unit_id")
  private String unitId;

  @Column(name = "user_id")
  private String userId;

  @Column(name = "version_id")
  private String versionId;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "grade_criterion", joinColumns = @JoinColumn(name = "grade_id"))
  private List<CriterionMark> marks = new ArrayList<>();

  @Column(name = "score_given")
  private double scoreGiven;

  @Column(name = "score_maximum")
  private double scoreMaximum;

  private String feedback;

  @Column(name = "teacher_note")
  private String teacherNote;

  private boolean released;

  @Column(name = "graded_by")
  private String gradedBy;

  @Column(name = "updated_at")
  private Instant updatedAt;

  @Column(name = "released_at")
  private Instant releasedAt;

  protected Grade() {}

  Grade(GradeKey key) {
    this.id = UUID.randomUUID().toString();
    this.issuer = key.issuer();
    this.clientId = key.clientId();
    this.deploymentId = key.deploymentId();
    this.contextId = key.contextId();
    this.unitId = key.unitId();
    this.userId = key.userId();
  }

  /**
   * Takes a checked marking as the new draft: a released grade that is marked again goes back to
   * draft until released again (the gradebook keeps the released one meanwhile).
   */
  void mark(Marking marking, double scoreMaximum, String teacherId, Instant now) {
    this.versionId = marking.versionId();
    this.marks = new ArrayList<>(marking.marks());
    this.scoreGiven = marking.marks().stream().mapToInt(CriterionMark::points).sum();
    this.scoreMaximum = scoreMaximum;
    this.feedback = marking.feedback().orElse(null);
    this.teacherNote = marking.teacherNote().orElse(null);
    this.gradedBy = teacherId;
    this.released = false;
    this.updatedAt = now;
  }

  void release(Instant now) {
    released = true;
    releasedAt = now;
  }

  /** An immutable copy for pages and callers outside the transaction. */
  public record View(String id, GradeKey key, String versionId, List<CriterionMark> marks, double scoreGiven,
      double scoreMaximum, Optional<String> feedback, Optional<String> teacherNote, boolean released,
      Optional<Instant> releasedAt, Instant updatedAt) {}

  public View view() {
    return new View(id, new GradeKey(issuer, clientId, deploymentId, contextId, unitId, userId), versionId,
        List.copyOf(marks), scoreGiven, scoreMaximum, Optional.ofNullable(feedback), Optional.ofNullable(teacherNote),
        released, Optional.ofNullable(releasedAt), updatedAt);
  }

  boolean released() {
    return released;
  }
}

package eu.somework.grading;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Optional;

/** The points a teacher gave for one rubric criterion, and an optional comment on it. */
@Embeddable
public class CriterionMark {
  @Column(name = "criterion_id")
  private String criterionId;

  private int points;
  private String comment;

  protected CriterionMark() {}

  /** @param comment shown to the student with the released grade; blank means none */
  public CriterionMark(String criterionId, int points, Optional<String> comment) {
    this.criterionId = criterionId;
    this.points = points;
    this.comment = comment.map(String::strip).filter(c -> !c.isEmpty()).orElse(null);
  }

  public String criterionId() {
    return criterionId;
  }

  public int points() {
    return points;
  }

  public Optional<String> comment() {
    return Optional.ofNullable(comment);
  }
}

package eu.somework.privacy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an erasure did: rows removed per table, values anonymised per column, scores withdrawn
 * before they reached the gradebook, and what stays outside the tool's reach and why — to show the
 * administrator, who passes it on to the person. It names no one: the administrator knows whom
 * they erased.
 *
 * @param removed table name → rows deleted (tables with none are left out)
 * @param anonymised "table.column" → rows whose value was replaced by {@link PersonalDataErasure#ERASED}
 * @param withdrawn scores deleted unsent ({@link UndeliveredScores#WITHDRAW}); a teacher may enter them by hand
 * @param keptElsewhere records the tool cannot erase, each with the reason
 */
public record ErasureReport(Instant erasedAt, Map<String, Integer> removed, Map<String, Integer> anonymised,
    List<WithdrawnScore> withdrawn, List<Kept> keptElsewhere) {

  /** A score that never reached the gradebook; {@code scoreGiven} is null for a "submitted" notice without points. */
  public record WithdrawnScore(String deploymentId, String resourceLinkId, String courseTitle, String unitId,
      Double scoreGiven, Double scoreMaximum, String gradingProgress, String state, String createdAt) {}

  /** Something the tool cannot erase: where it is, and why it stays. */
  public record Kept(String what, String why) {}

  /** Rows deleted in all tables. */
  public int rowsRemoved() {
    return removed.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** The report as the admin API's JSON body. */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("erasedAt", erasedAt.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString());
    json.put("removed", removed);
    json.put("anonymised", anonymised);
    json.put("withdrawnScores", withdrawn.stream().map(w -> {
      Map<String, Object> score = new LinkedHashMap<>();
      score.put("deploymentId", w.deploymentId());
      score.put("resourceLinkId", w.resourceLinkId());
      score.put("courseTitle", w.courseTitle());
      score.put("unitId", w.unitId());
      score.put("scoreGiven", w.scoreGiven());
      score.put("scoreMaximum", w.scoreMaximum());
      score.put("gradingProgress", w.gradingProgress());
      score.put("state", w.state());
      score.put("createdAt", w.createdAt());
      return score;
    }).toList());
    json.put("keptElsewhere", keptElsewhere.stream().map(k -> Map.of("what", k.what(), "why", k.why())).toList());
    return json;
  }
}

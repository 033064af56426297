package eu.somework.progress;

import java.util.Map;
import java.util.Optional;

/** One student's row in the teacher's progress view: who, and how far in each unit. */
public record StudentProgress(String userId, Optional<String> displayName, Map<String, ProgressStatus> statuses) {
  public StudentProgress {
    statuses = Map.copyOf(statuses);
  }

  public ProgressStatus status(String unitId) {
    return statuses.getOrDefault(unitId, ProgressStatus.NOT_STARTED);
  }
}

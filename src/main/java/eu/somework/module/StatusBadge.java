package eu.somework.module;

import eu.somework.progress.ProgressStatus;

import eu.somework.web.Messages;
import java.util.Locale;

/**
 * A learner's progress with a unit as a badge ({@code module/statusBadge.jte}): the status for
 * scripts and tests ({@code data-status}), a class for its colour, and its text.
 */
record StatusBadge(String status, String cssClass, String label) {

  /** The badge of a status; its text is {@code labelKey} filled with the status's name, or the name alone. */
  static StatusBadge of(Messages text, ProgressStatus status, String labelKey) {
    String label = text.get("status." + status.name());
    return new StatusBadge(status.name(), "status status-" + status.name().toLowerCase(Locale.ROOT).replace('_', '-'),
        labelKey == null ? label : text.get(labelKey, label));
  }
}

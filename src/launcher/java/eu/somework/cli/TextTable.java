package eu.somework.cli;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table: a header row and rows, columns two spaces apart, each cell made {@link Terminal#safe}. */
final class TextTable {
  private final List<String[]> rows = new ArrayList<>();
  private final int columns;

  TextTable(String... headers) {
    this.columns = headers.length;
    rows.add(headers);
  }

  /** Adds a row of {@code cells} (one per header; null prints as "-"). */
  TextTable row(String... cells) {
    if (cells.length != columns) {
      throw new IllegalArgumentException(cells.length + " cells for " + columns + " columns");
    }
    String[] safe = new String[columns];
    for (int i = 0; i < columns; i++) {
      safe[i] = cells[i] == null || cells[i].isEmpty() ? "-" : Terminal.safe(cells[i]);
    }
    rows.add(safe);
    return this;
  }

  @Override
  public String toString() {
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder text = new StringBuilder();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < columns; i++) {
        line.append(row[i]);
        if (i < columns - 1) {
          line.append(" ".repeat(widths[i] - row[i].length() + 2));
        }
      }
      text.append(line.toString().stripTrailing()).append('\n');
    }
    return text.toString();
  }
}

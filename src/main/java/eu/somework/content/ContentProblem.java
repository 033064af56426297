package eu.somework.content;

/**
 * One thing wrong with a unit's files, precise enough for an author to fix it: the file relative
 * to the content folder, the 1-based line (0 when the problem is the file as a whole) and what is
 * wrong.
 */
public record ContentProblem(String file, int line, String message) {

  @Override
  public String toString() {
    return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
  }
}

package eu.somework.admin;

/**
 * An administrator's request the tool will not carry out, with the HTTP status (400, 404, 409) and
 * a sentence saying why and what to do: the API answers {@code {"error": sentence}}, the console
 * shows the sentence.
 */
public class AdminRefused extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;

  public AdminRefused(int status, String sentence) {
    super(sentence);
    this.status = status;
  }

  public int status() {
    return status;
  }
}

package eu.somework.web;

import java.util.Map;

/**
 * A page that posts a form to another site at once, as LTI messages travel through the browser
 * (login initiation, id_token, deep-linking response). A button remains for browsers without
 * scripts; the script is the static {@code /static/autosubmit.js}, as the Content-Security-Policy
 * allows no inline script.
 */
public final class AutoPost {
  private AutoPost() {}

  /** What {@code web/autoPost.jte} shows: the form's target, its hidden fields in order, the button. */
  record Form(String action, Map<String, String> fields, String buttonText) {}

  /**
   * @param action the URL the form posts to
   * @param fields the hidden fields, in the order given
   * @param buttonText the button's text and the page's title
   * @return the whole HTML page
   */
  public static String page(String action, Map<String, String> fields, String buttonText) {
    return Templates.render("web/autoPost.jte", new Form(action, fields, buttonText));
  }
}

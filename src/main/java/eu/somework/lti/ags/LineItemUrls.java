package eu.somework.lti.ags;

import java.net.URI;

/**
 * The service URLs under a line item (AGS 2.0 §3.3, §3.4): its results and scores are at
 * {@code /results} and {@code /scores} appended to the line item's <em>path</em>. Line item URLs
 * are opaque and may carry a query — Moodle's are {@code …/lineitem?type_id=3} — so the segment is
 * inserted before the query, never appended to the whole text; the query is kept as it was
 * (still encoded), a fragment is dropped.
 */
public final class LineItemUrls {
  private LineItemUrls() {}

  /** {@code https://lms/…/lineitem?type_id=3} → {@code https://lms/…/lineitem/scores?type_id=3}. */
  public static URI scores(URI lineItem) {
    return below(lineItem, "scores");
  }

  /** {@code https://lms/…/lineitem?type_id=3} → {@code https://lms/…/lineitem/results?type_id=3}. */
  public static URI results(URI lineItem) {
    return below(lineItem, "results");
  }

  private static URI below(URI lineItem, String segment) {
    if (!lineItem.isAbsolute() || lineItem.isOpaque()) {
      throw new IllegalArgumentException("a line item URL must be an absolute http(s) URL");
    }
    String path = lineItem.getRawPath() == null ? "" : lineItem.getRawPath();
    String joined = path.endsWith("/") ? path + segment : path + "/" + segment;
    String query = lineItem.getRawQuery() == null ? "" : "?" + lineItem.getRawQuery();
    return URI.create(lineItem.getScheme() + "://" + lineItem.getRawAuthority() + joined + query);
  }
}

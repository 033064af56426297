package eu.somework.lti.ags;

/**
 * The media types of AGS 2.0 (§3.2.3, §3.3, §3.4.1). Platforms check them: Moodle answers 400 to
 * a plain {@code application/json}.
 */
public final class AgsMediaType {
  /** One line item: Content-Type of POST/PUT, Accept of GET/POST/PUT on a line item. */
  public static final String LINE_ITEM = "application/vnd.ims.lis.v2.lineitem+json";
  /** The line items container: Accept of GET on {@code lineitems}. */
  public static final String LINE_ITEM_CONTAINER = "application/vnd.ims.lis.v2.lineitemcontainer+json";
  /** A score: Content-Type of POST on a line item's {@code /scores}. */
  public static final String SCORE = "application/vnd.ims.lis.v1.score+json";
  /** The results container: Accept of GET on a line item's {@code /results}. */
  public static final String RESULT_CONTAINER = "application/vnd.ims.lis.v2.resultcontainer+json";

  private AgsMediaType() {}
}

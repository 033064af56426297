package eu.somework.lti.ags;

/** The OAuth 2 scopes of AGS 2.0 (§3.1): what an access token lets the tool do. */
public final class AgsScope {
  private static final String BASE = "https://purl.imsglobal.org/spec/lti-ags/scope/";
  /** Read, create, update and delete line items. */
  public static final String LINE_ITEM = BASE + "lineitem";
  /** Read line items only. */
  public static final String LINE_ITEM_READONLY = BASE + "lineitem.readonly";
  /** Read results. */
  public static final String RESULT_READONLY = BASE + "result.readonly";
  /** Publish scores. */
  public static final String SCORE = BASE + "score";

  private AgsScope() {}
}

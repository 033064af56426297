package eu.somework.lti;

/** Claim names of LTI 1.3, Deep Linking 2.0, AGS 2.0 and NRPS 2.0, defined once. */
public final class LtiClaim {
  private static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
  private static final String DL = "https://purl.imsglobal.org/spec/lti-dl/claim/";

  public static final String MESSAGE_TYPE = LTI + "message_type";
  public static final String VERSION = LTI + "version";
  public static final String DEPLOYMENT_ID = "https://purl.imsglobal.org/spec/lti/claim/deployment_id";
  public static final String TARGET_LINK_URI = LTI + "target_link_uri";
  public static final String RESOURCE_LINK = LTI + "resource_link";
  public static final String ROLES = LTI + "roles";
  public static final String CONTEXT = LTI + "context";
  public static final String TOOL_PLATFORM = LTI + "tool_platform";
  public static final String LAUNCH_PRESENTATION = LTI + "launch_presentation";
  public static final String CUSTOM = LTI + "custom";
  public static final String LIS = LTI + "lis";
  /** LTI Submission Review Service 1.0 §2: whose submission a submission review request is about. */
  public static final String FOR_USER = LTI + "for_user";

  public static final String DEEP_LINKING_SETTINGS = DL + "deep_linking_settings";
  public static final String DL_CONTENT_ITEMS = DL + "content_items";
  public static final String DL_DATA = DL + "data";
  public static final String DL_MSG = DL + "msg";
  public static final String DL_LOG = DL + "log";
  public static final String DL_ERROR_MSG = DL + "errormsg";
  public static final String DL_ERROR_LOG = DL + "errorlog";

  public static final String AGS_ENDPOINT = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";
  public static final String NRPS = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice";

  public static final String LTI_VERSION = "1.3.0";

  private LtiClaim() {}
}

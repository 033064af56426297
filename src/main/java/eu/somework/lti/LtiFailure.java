package eu.somework.lti;

/**
 * Every way a login or launch can be refused, with the HTTP status the tool answers with. The
 * name of the constant is the check that failed; it is what the log line records.
 */
public enum LtiFailure {
  LOGIN_PARAMETER_MISSING(400),
  /** Too many login initiations from one client address within a minute (Retry-After says when). */
  LOGIN_RATE_LIMITED(429),
  /** The cap on login states in flight is reached: login initiation is refused for a while. */
  LOGINS_AT_CAPACITY(503),
  UNKNOWN_ISSUER(403),
  UNKNOWN_CLIENT_ID(403),
  /**
   * The registration (issuer + client id) is known but a tool administrator switched it off: its
   * login initiations and launches are refused until it is switched on again.
   */
  REGISTRATION_DISABLED(403),
  AMBIGUOUS_CLIENT(400),
  TARGET_LINK_NOT_OURS(400),
  /**
   * The id_token's target_link_uri differs from the one the login initiation named (LTI Core
   * §5.3.6): the token was made for another launch or another site.
   */
  TARGET_LINK_MISMATCH(400),
  STATE_MISSING(400),
  STATE_UNKNOWN(400),
  STATE_COOKIE_MISSING(400),
  STATE_OTHER_BROWSER(403),
  ID_TOKEN_MISSING(400),
  ID_TOKEN_TOO_LARGE(400),
  MALFORMED_TOKEN(400),
  ALGORITHM_NOT_ALLOWED(401),
  KEY_ID_MISSING(401),
  UNKNOWN_KEY(401),
  PLATFORM_KEYS_UNAVAILABLE(401),
  BAD_SIGNATURE(401),
  WRONG_ISSUER(401),
  WRONG_AUDIENCE(401),
  WRONG_AUTHORIZED_PARTY(401),
  EXPIRED(401),
  ISSUED_IN_FUTURE(401),
  NONCE_MISSING(401),
  NONCE_MISMATCH(401),
  NONCE_REPLAYED(401),
  DEPLOYMENT_MISSING(400),
  UNKNOWN_DEPLOYMENT(403),
  WRONG_VERSION(400),
  UNSUPPORTED_MESSAGE_TYPE(400),
  CLAIM_INVALID(400),
  /**
   * The sub claim is present but empty, blank, not a string or longer than 255 characters (LTI
   * Core §5.3.6); an anonymous launch omits sub instead.
   */
  SUBJECT_INVALID(400),
  RESOURCE_LINK_MISSING(400),
  /**
   * A submission review request (LTI Submission Review Service 1.0 §2) without a usable
   * {@code for_user} claim: missing, not an object, or its {@code user_id} missing, not a string,
   * blank or longer than 255 characters.
   */
  FOR_USER_INVALID(400),
  /**
   * A submission review request whose AGS endpoint claim has no {@code lineitem}: the message is
   * about one line item and must name it (LTI Submission Review Service 1.0 §2).
   */
  REVIEW_LINE_ITEM_MISSING(400),
  /** A learner asked to review another user's submission: only teachers may (checked after validation). */
  REVIEW_NOT_ALLOWED(403),
  DEEP_LINK_RETURN_URL_MISSING(400),
  PLATFORM_ERROR(400),
  /** Not a launch: the platform's token endpoint gave the tool no access token. */
  SERVICE_TOKEN_REFUSED(502),
  /**
   * Not a launch: a platform service URL (line items, scores, results, memberships, or a next page
   * a platform pointed to) is not https outside loopback, or a next page is on another origin than
   * the first (the access token must not travel there).
   */
  SERVICE_ENDPOINT_REFUSED(502),
  /**
   * Not a launch: a platform service's answer is not what AGS 2.0 or NRPS 2.0 describe (not JSON, a
   * field of the wrong type, a required field missing, paging that does not end).
   */
  SERVICE_ANSWER_INVALID(502),
  /**
   * Not a launch: no line item exists for the resource link and the platform did not grant the
   * scope to create one (AGS 2.0 §3.2; Moodle set to "grade sync only").
   */
  LINE_ITEM_UNAVAILABLE(502),
  /**
   * Not a launch: a dynamic registration was started without an {@code openid_configuration}
   * URL, or with one that is not an absolute https URL (plain http only on loopback) — Dynamic
   * Registration 1.0 §3.3.
   */
  REGISTRATION_START_INVALID(400),
  /**
   * Not a launch: the platform's OpenID configuration could not be fetched (no answer, a status
   * other than 200, a redirect, a body over the cap) — Dynamic Registration 1.0 §3.4.
   */
  PLATFORM_CONFIGURATION_UNAVAILABLE(502),
  /**
   * Not a launch: the platform's OpenID configuration is not one the tool can register with: not
   * JSON, an issuer on another origin than the configuration URL, an endpoint that is not https,
   * or no support for id_token, RS256 or private_key_jwt — Dynamic Registration 1.0 §3.4, §3.5.1.
   */
  PLATFORM_CONFIGURATION_INVALID(502),
  /**
   * Not a launch: the platform's registration endpoint refused the tool's client registration (its
   * message is kept) or could not be reached — Dynamic Registration 1.0 §3.5.2, §3.6.
   */
  REGISTRATION_REFUSED(502),
  /**
   * Not a launch: the platform accepted the registration but its answer names no client_id, or is
   * not JSON — Dynamic Registration 1.0 §3.6.
   */
  REGISTRATION_ANSWER_INVALID(502);

  private final int httpStatus;

  LtiFailure(int httpStatus) {
    this.httpStatus = httpStatus;
  }

  public int httpStatus() {
    return httpStatus;
  }
}

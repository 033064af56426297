package eu.somework.lti;

import java.util.Optional;

/** LTI message types this tool accepts in a launch. */
public enum MessageType {
  RESOURCE_LINK("LtiResourceLinkRequest"),
  DEEP_LINKING("LtiDeepLinkingRequest"),
  /**
   * A platform asks to show one user's submission for a line item (LTI Submission Review Service
   * 1.0 §2, message {@code LtiSubmissionReviewRequest}): the {@code for_user} claim names whose.
   */
  SUBMISSION_REVIEW("LtiSubmissionReviewRequest");

  private final String wireName;

  MessageType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<MessageType> fromWire(String value) {
    for (MessageType type : values()) {
      if (type.wireName.equals(value)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}

package eu.somework.simulator;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** A launch someone started on the simulator page; the login's lti_message_hint points to it. */
@Entity
@Table(name = "sim_launch")
public class SimLaunch {
  @Id private String id;

  @Column(name = "user_id")
  private String userId;

  @Column(name = "message_type")
  private String messageType;

  @Column(name = "resource_link_id")
  private String resourceLinkId;

  private String locale;

  @Column(name = "created_at")
  private Instant createdAt;

  /** Whose submission a submission review launch shows; null for other launches. */
  @Column(name = "for_user_id")
  private String forUserId;

  /** The client the launch is for; null for the built-in registration (launches made before V19). */
  @Column(name = "client_id")
  private String clientId;

  protected SimLaunch() {}

  SimLaunch(String id, String userId, String messageType, String resourceLinkId, String locale, Instant createdAt) {
    this.id = id;
    this.userId = userId;
    this.messageType = messageType;
    this.resourceLinkId = resourceLinkId;
    this.locale = locale;
    this.createdAt = createdAt;
  }

  /** A submission review launch by {@code userId} of {@code forUserId}'s submission on the link's line item. */
  static SimLaunch submissionReview(String id, String userId, String resourceLinkId, String forUserId, String locale,
      Instant createdAt) {
    SimLaunch launch = new SimLaunch(id, userId, SUBMISSION_REVIEW, resourceLinkId, locale, createdAt);
    launch.forUserId = forUserId;
    return launch;
  }

  static final String SUBMISSION_REVIEW = "LtiSubmissionReviewRequest";

  String id() {
    return id;
  }

  /** Makes the launch one for {@code clientId}; the built-in registration's id is kept as null. */
  void forClient(String clientId) {
    this.clientId = SimulatedPlatform.CLIENT_ID.equals(clientId) ? null : clientId;
  }

  /** The client the launch is for: {@link SimulatedPlatform#CLIENT_ID} or a dynamically registered one. */
  String clientId() {
    return clientId == null ? SimulatedPlatform.CLIENT_ID : clientId;
  }

  String userId() {
    return userId;
  }

  boolean isDeepLinking() {
    return "LtiDeepLinkingRequest".equals(messageType);
  }

  boolean isSubmissionReview() {
    return SUBMISSION_REVIEW.equals(messageType);
  }

  Optional<String> forUserId() {
    return Optional.ofNullable(forUserId);
  }

  Optional<String> resourceLinkId() {
    return Optional.ofNullable(resourceLinkId);
  }

  String locale() {
    return locale;
  }

  boolean isOlderThan(Instant moment) {
    return createdAt.isBefore(moment);
  }
}

package eu.somework.grading;

/**
 * A resource link as LTI scopes it: registration (issuer + client id), deployment and the resource
 * link id (unique only within its deployment). The key of the line item stored for the link.
 */
public record LinkKey(String issuer, String clientId, String deploymentId, String resourceLinkId) {
  /** The link a score goes to. */
  public static LinkKey of(ScoreTarget target) {
    return new LinkKey(target.issuer(), target.clientId(), target.deploymentId(), target.resourceLinkId());
  }
}

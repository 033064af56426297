package eu.somework.launch;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One login initiation in flight: the state and nonce the tool issued, the browser it issued
 * them to (as a hash of that browser's binding cookie), and the registration it was for.
 */
@Entity
@Table(name = "login_state")
public class LoginState {
  @Id private String state;
  private String nonce;

  @Column(name = "browser_hash")
  private String browserHash;

  private String issuer;

  @Column(name = "client_id")
  private String clientId;

  @Column(name = "login_hint")
  private String loginHint;

  @Column(name = "message_hint")
  private String messageHint;

  @Column(name = "target_link_uri")
  private String targetLinkUri;

  @Column(name = "deployment_hint")
  private String deploymentHint;

  @Column(name = "expires_at")
  private Instant expiresAt;

  protected LoginState() {}

  LoginState(String state, String nonce, String browserHash, String issuer, String clientId,
      String loginHint, String messageHint, String targetLinkUri, String deploymentHint, Instant expiresAt) {
    this.state = state;
    this.nonce = nonce;
    this.browserHash = browserHash;
    this.issuer = issuer;
    this.clientId = clientId;
    this.loginHint = loginHint;
    this.messageHint = messageHint;
    this.targetLinkUri = targetLinkUri;
    this.deploymentHint = deploymentHint;
    this.expiresAt = expiresAt;
  }

  boolean isExpired(Instant now) {
    return now.isAfter(expiresAt);
  }

  boolean issuedTo(String browserHash) {
    return java.security.MessageDigest.isEqual(
        this.browserHash.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        browserHash.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  String nonce() {
    return nonce;
  }

  String issuer() {
    return issuer;
  }

  String clientId() {
    return clientId;
  }

  /** The target_link_uri the login initiation named; the id_token must name the same. */
  String targetLinkUri() {
    return targetLinkUri;
  }

  /** The login initiation's parameters, to restart it in a new window. */
  java.util.Map<String, String> loginParameters() {
    java.util.Map<String, String> params = new java.util.LinkedHashMap<>();
    params.put("iss", issuer);
    params.put("login_hint", loginHint);
    params.put("target_link_uri", targetLinkUri);
    params.put("client_id", clientId);
    if (messageHint != null) {
      params.put("lti_message_hint", messageHint);
    }
    if (deploymentHint != null) {
      params.put("lti_deployment_id", deploymentHint);
    }
    return params;
  }
}

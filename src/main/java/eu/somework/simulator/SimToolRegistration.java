package eu.somework.simulator;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** A tool registered with the simulator through Dynamic Registration, with the client id and deployment it got. */
@Entity
@Table(name = "sim_tool_registration")
public class SimToolRegistration {
  @Id
  @Column(name = "client_id")
  private String clientId;

  @Column(name = "deployment_id")
  private String deploymentId;

  @Column(name = "client_name")
  private String clientName;

  @Column(name = "login_uri")
  private String loginUri;

  /** Space-separated (a URI has no spaces). */
  @Column(name = "redirect_uris")
  private String redirectUris;

  @Column(name = "target_link_uri")
  private String targetLinkUri;

  @Column(name = "jwks_uri")
  private String jwksUri;

  /** Space-separated, as OAuth writes scopes. */
  private String scopes;

  @Column(name = "created_at")
  private Instant createdAt;

  protected SimToolRegistration() {}

  SimToolRegistration(String clientId, String deploymentId, ToolRegistrationRequest request, Set<String> scopes,
      Instant createdAt) {
    this.clientId = clientId;
    this.deploymentId = deploymentId;
    this.clientName = request.clientName();
    this.loginUri = request.initiateLoginUri().toString();
    this.redirectUris = String.join(" ", request.redirectUris());
    this.targetLinkUri = request.targetLinkUri();
    this.jwksUri = request.jwksUri().toString();
    this.scopes = scopes.stream().sorted().collect(Collectors.joining(" "));
    this.createdAt = createdAt;
  }

  /** The client the simulator launches as for this tool. */
  SimClient client() {
    Set<String> granted = scopes.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(scopes.split(" ")));
    return new SimClient(clientId, deploymentId, clientName, URI.create(loginUri),
        List.of(redirectUris.split(" ")), targetLinkUri, URI.create(jwksUri), granted);
  }
}

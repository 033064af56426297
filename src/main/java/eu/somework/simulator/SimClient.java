package eu.somework.simulator;

import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * A client of the simulated platform, as which it launches and whose client assertions its token
 * endpoint accepts: the built-in registration ({@link SimulatedPlatform#CLIENT_ID}) or a tool
 * registered through Dynamic Registration ({@link SimToolRegistration}).
 *
 * @param clientId the client id, the id_token's {@code aud}
 * @param deploymentId the deployment the launches name
 * @param name how the simulator page lists it
 * @param loginUri the tool's OIDC login initiation URL
 * @param redirectUris where the authorization endpoint may post the id_token
 * @param targetLinkUri the launch's {@code target_link_uri}
 * @param jwksUri the tool's key set, for its client assertions and deep-linking responses
 * @param scopes the service scopes the client may be granted at the token endpoint
 */
public record SimClient(String clientId, String deploymentId, String name, URI loginUri, List<String> redirectUris,
    String targetLinkUri, URI jwksUri, Set<String> scopes) {

  public SimClient {
    redirectUris = List.copyOf(redirectUris);
    scopes = Set.copyOf(scopes);
  }

  /** The simulator's own registration of this tool, made at start-up. */
  static SimClient builtIn(SimulatedPlatform platform) {
    return new SimClient(SimulatedPlatform.CLIENT_ID, SimulatedPlatform.DEPLOYMENT_ID, "Built-in registration",
        URI.create(platform.toolLoginUrl()), List.of(platform.toolRedirectUri()), platform.toolRedirectUri(),
        URI.create(platform.toolJwksUrl()), SimulatorTokenResource.SCOPES);
  }

  /** Whether this is the built-in registration rather than a dynamically registered one. */
  boolean isBuiltIn() {
    return SimulatedPlatform.CLIENT_ID.equals(clientId);
  }
}

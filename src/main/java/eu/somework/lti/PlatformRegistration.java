package eu.somework.lti;

import java.net.URI;
import java.util.Set;

/**
 * One registration of this tool on a platform: an issuer and the client id the platform gave us,
 * with the deployments under it. An issuer may hold several registrations (client ids).
 */
public record PlatformRegistration(
    String name,
    String issuer,
    String clientId,
    Set<String> deploymentIds,
    URI authorizationEndpoint,
    URI tokenEndpoint,
    URI jwksUri) {

  public PlatformRegistration {
    deploymentIds = Set.copyOf(deploymentIds);
  }

  public boolean hasDeployment(String deploymentId) {
    return deploymentIds.contains(deploymentId);
  }
}

package eu.somework.lti;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/** The deep_linking_settings claim of an LtiDeepLinkingRequest (Deep Linking 2.0 §4.4.1). */
public record DeepLinkingSettings(
    URI returnUrl,
    List<String> acceptTypes,
    List<String> acceptPresentationTargets,
    boolean acceptMultiple,
    boolean acceptLineItem,
    boolean autoCreate,
    Optional<String> title,
    Optional<String> text,
    Optional<String> data) {

  public DeepLinkingSettings {
    acceptTypes = List.copyOf(acceptTypes);
    acceptPresentationTargets = List.copyOf(acceptPresentationTargets);
  }

  public boolean acceptsLtiResourceLinks() {
    return acceptTypes.contains("ltiResourceLink");
  }
}

package eu.somework.simulator;

import eu.somework.lti.PlatformRegistration;
import java.net.URI;
import java.util.Set;

/** Who the simulator is as an LTI platform: its issuer, our client id there, its endpoints. */
public record SimulatedPlatform(String toolBaseUrl) {
  public static final String CLIENT_ID = "somework-simulator";
  public static final String DEPLOYMENT_ID = "1";
  public static final String KEY_OWNER = "simulator";

  public String issuer() {
    return toolBaseUrl + "/simulator";
  }

  public String toolLoginUrl() {
    return toolBaseUrl + "/lti/login";
  }

  public String toolRedirectUri() {
    return toolBaseUrl + "/lti/launch";
  }

  public String toolJwksUrl() {
    return toolBaseUrl + "/.well-known/jwks.json";
  }

  public String tokenEndpoint() {
    return issuer() + "/token";
  }

  /** Where a tool POSTs its Dynamic Registration request (with the registration token as Bearer). */
  public String registrationEndpoint() {
    return issuer() + "/registration";
  }

  /** The {@code openid_configuration} URL the simulator gives a tool it registers. */
  public String openIdConfigurationUrl() {
    return issuer() + "/.well-known/openid-configuration";
  }

  public String deepLinkReturnUrl() {
    return issuer() + "/deep-link-return";
  }

  /**
   * The course's line items container, as Moodle writes it: with the tool type in a query
   * ({@code …/lineitems?type_id=1}), so the tool must keep queries on service URLs.
   */
  public String lineItemsUrl() {
    return issuer() + "/ags/" + DemoCourse.CONTEXT_ID + "/lineitems?type_id=" + DEPLOYMENT_ID;
  }

  /** One line item, Moodle-style: {@code …/lineitems/<id>/lineitem?type_id=1}. */
  public String lineItemUrl(String lineItemId) {
    return issuer() + "/ags/" + DemoCourse.CONTEXT_ID + "/lineitems/" + lineItemId + "/lineitem?type_id=" + DEPLOYMENT_ID;
  }

  /** The course's NRPS membership container. */
  public String membershipsUrl() {
    return issuer() + "/nrps/" + DemoCourse.CONTEXT_ID;
  }

  public PlatformRegistration registration() {
    return new PlatformRegistration("Platform simulator", issuer(), CLIENT_ID, Set.of(DEPLOYMENT_ID),
        URI.create(issuer() + "/auth"), URI.create(tokenEndpoint()), URI.create(issuer() + "/jwks"));
  }
}

package eu.somework.registration;

import com.github.benmanes.caffeine.cache.Ticker;
import eu.somework.audit.AuditLog;
import eu.somework.config.Settings;
import eu.somework.launch.AddressRateLimit;
import eu.somework.lti.ClientRegistration;
import eu.somework.lti.DynamicRegistrationClient;
import eu.somework.lti.LtiException;
import eu.somework.lti.LtiFailure;
import eu.somework.lti.PlatformConfiguration;
import eu.somework.lti.PlatformRegistration;
import eu.somework.lti.ToolDescription;
import eu.somework.persistence.Transactor;
import eu.somework.platform.ContentSecurityPolicy;
import eu.somework.platform.PlatformDirectory;
import eu.somework.platform.Registration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The use case "register the tool with a platform": fetch and check its configuration, register,
 * store. Registering with the same issuer and client id again updates that registration (its
 * endpoints, and the new deployment beside those it had); a new client id of the same issuer is a
 * registration of its own, as Moodle makes one per tool it adds. Each stored registration is an
 * audit event ({@code REGISTRATION_ADDED} or {@code REGISTRATION_UPDATED}, actor
 * {@link AuditLog.ActorKind#ADMINISTRATOR} — the platform's administrator started it — with the
 * channel {@value #AUDIT_CHANNEL} in the detail, so that, like the tool administrators' events, it
 * outlives the registration's deletion); under
 * {@code somework.registration.dynamic=pending} a new registration starts switched off.
 */
@ApplicationScoped
public class DynamicRegistrations {
  static final String CLIENT_NAME = "SoMe@Work";
  static final String DESCRIPTION =
      "Social media at work: module units in five languages, reflections that teachers grade.";
  private static final int MAX_NAME_CHARS = 200;
  /** How the audit detail names the way a registration came. */
  static final String AUDIT_CHANNEL = "dynamic registration";
  private static final Logger LOG = Logger.getLogger(DynamicRegistrations.class.getName());

  @Inject Settings settings;
  @Inject PlatformDirectory platforms;
  @Inject ContentSecurityPolicy policy;
  @Inject AuditLog audit;
  @Inject Transactor tx;

  /** Registrations one client address may start per minute: a few for a person, not a scanner. */
  static final int STARTS_PER_MINUTE = 20;

  // every start makes the tool send requests to a URL its caller chose: bounded per address
  private final AddressRateLimit starts = new AddressRateLimit(STARTS_PER_MINUTE, 10_000, Ticker.systemTicker());

  // a platform that answers slowly holds a request thread for at most ten seconds per exchange
  private final DynamicRegistrationClient client =
      new DynamicRegistrationClient(Duration.ofSeconds(5), Duration.ofSeconds(10));

  /** What was registered, for the page. */
  record Registered(String platformName, String issuer, String clientId, Optional<String> deploymentId,
      boolean updated, boolean moodle, boolean awaitingApproval) {}

  /**
   * Registers the tool with the platform whose configuration is at {@code configurationUrl}.
   *
   * @param registrationToken the platform's {@code registration_token}, sent back as Bearer
   * @throws LtiException when the configuration cannot be fetched or is refused, or the platform
   *     refuses the registration (its message kept); nothing is stored then
   */
  Registered register(URI configurationUrl, Optional<String> registrationToken) throws LtiException {
    PlatformConfiguration platform = client.fetchConfiguration(configurationUrl, registrationToken);
    ClientRegistration answer = client.register(platform, tool().registrationRequestJson(platform), registrationToken);
    checkLengths(platform, answer);
    Registered registered = store(platform, answer);
    LOG.info(() -> "Dynamic registration " + (registered.updated() ? "updated" : "created") + ": "
        + registered.issuer() + ", client id " + registered.clientId() + ", deployment "
        + registered.deploymentId().orElse("(none named)"));
    return registered;
  }

  /**
   * Takes one of the address's registration starts.
   *
   * @param clientAddress the client's address ({@code web.ClientAddress})
   * @return empty when the start may go ahead, else how long until the next one may
   */
  Optional<Duration> admit(String clientAddress) {
    return starts.tryAcquire(clientAddress);
  }

  /** The tool as this instance describes itself to platforms, from {@code somework.base-url}. */
  ToolDescription tool() {
    String base = settings.baseUrl();
    return new ToolDescription(CLIENT_NAME, DESCRIPTION, URI.create(base + "/lti/login"),
        URI.create(base + "/lti/launch"), URI.create(base + "/.well-known/jwks.json"));
  }

  /**
   * Stores the registration as of origin {@code DYNAMIC}: a new one, or the one of this issuer and
   * client id updated, keeping the deployments it had (and its switch); with its audit event, in one
   * transaction. A new one starts switched off when {@code somework.registration.dynamic} is
   * {@code pending}.
   */
  Registered store(PlatformConfiguration platform, ClientRegistration answer) {
    boolean pending = settings.dynamicRegistration() == Settings.DynamicRegistration.PENDING;
    String name = name(platform);
    Registered registered = tx.inTransaction(em -> {
      Optional<PlatformRegistration> before = platforms.find(platform.issuer(), answer.clientId());
      Set<String> deployments = new HashSet<>(before.map(PlatformRegistration::deploymentIds).orElse(Set.of()));
      answer.deploymentId().ifPresent(deployments::add);
      platforms.save(new PlatformRegistration(name, platform.issuer(), answer.clientId(), deployments,
          platform.authorizationEndpoint(), platform.tokenEndpoint(), platform.jwksUri()),
          Registration.Origin.DYNAMIC, null);
      long id = platforms.summary(platform.issuer(), answer.clientId()).orElseThrow().id();
      boolean held = pending && before.isEmpty();
      if (held) {
        platforms.switchTo(id, false);
      }
      audit.record(new AuditLog.Event(before.isPresent() ? "REGISTRATION_UPDATED" : "REGISTRATION_ADDED",
          AuditLog.ActorKind.ADMINISTRATOR, null, platform.issuer(), answer.clientId(), null, null, null,
          AUDIT_CHANNEL + ": registration " + id + (held ? ", switched off until an administrator switches it on" : "")));
      return new Registered(name, platform.issuer(), answer.clientId(), answer.deploymentId(), before.isPresent(),
          platform.isMoodle(), held);
    });
    platforms.forgetRegistrations(); // (save did already) the new deployment launches at once
    if (policy != null) {
      policy.registrationsChanged(); // the new platform may frame the tool at once
    }
    return registered;
  }

  /**
   * Refuses values longer than their columns (migration V1), which the database would refuse with
   * an internal error.
   *
   * @throws LtiException {@link LtiFailure#REGISTRATION_ANSWER_INVALID} naming the value (coded
   *     {@code tooLong})
   */
  static void checkLengths(PlatformConfiguration platform, ClientRegistration answer) throws LtiException {
    checkLength("issuer", platform.issuer(), 500);
    checkLength("authorization_endpoint", platform.authorizationEndpoint().toString(), 1000);
    checkLength("token_endpoint", platform.tokenEndpoint().toString(), 1000);
    checkLength("jwks_uri", platform.jwksUri().toString(), 1000);
    checkLength("client_id", answer.clientId(), 255);
    if (answer.deploymentId().isPresent()) {
      checkLength("deployment_id", answer.deploymentId().get(), 255);
    }
  }

  private static void checkLength(String name, String value, int max) throws LtiException {
    if (value.length() > max) {
      throw LtiException.coded(LtiFailure.REGISTRATION_ANSWER_INVALID, "tooLong",
          "The platform's " + name + " is longer than " + max + " characters; nothing was stored.", name,
          Integer.toString(max));
    }
  }

  /** "Moodle 4.3.2 (Build: …) at moodle.example.edu", or the issuer's host alone. */
  static String name(PlatformConfiguration platform) {
    String host = URI.create(platform.issuer()).getHost();
    String name = platform.productFamilyCode()
        .map(family -> family.substring(0, 1).toUpperCase(Locale.ROOT) + family.substring(1)
            + platform.version().map(v -> " " + v).orElse("") + " at " + host)
        .orElse(host);
    return name.length() > MAX_NAME_CHARS ? name.substring(0, MAX_NAME_CHARS - 1) + "…" : name;
  }
}

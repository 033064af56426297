package eu.somework.platform;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import eu.somework.config.Settings;
import eu.somework.lti.PlatformEndpoints;
import eu.somework.lti.PlatformRegistration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The Content-Security-Policy of the tool's pages, built from the registrations: only the
 * registered platforms may frame the tool ({@code frame-ancestors}) and receive its forms
 * ({@code form-action}: the deep-linking return, and the redirect to a platform's authorization
 * endpoint that follows a login form post). A platform's origins are those of its issuer and its
 * authorization endpoint; {@code somework.csp.extra-origins} adds origins a platform frames the
 * tool from that are neither (e.g. an LMS whose course pages live on another host than its
 * issuer).
 *
 * <p>With the simulator on and the tool on a loopback host, the tool's own origin under the other
 * loopback names (localhost, 127.0.0.1, [::1], same scheme and port) counts too: the simulator
 * page may be opened under any of them while the tool's base URL names one.
 *
 * <p>The policy is computed once per registrations' generation ({@link RegistrationChanges}), not
 * on every response: a registration created, changed or deleted on any instance raises the
 * generation, and every instance computes the policy again once it has seen the new generation.
 */
@ApplicationScoped
public class ContentSecurityPolicy {
  @Inject Settings settings;
  @Inject PlatformDirectory platforms;
  /** The registrations' generation; null outside a container (tests): the policy is then kept a minute. */
  @Inject RegistrationChanges changes;

  private final LoadingCache<Long, String> cache = Caffeine.newBuilder()
      .maximumSize(2)
      .expireAfterWrite(Duration.ofMinutes(1))
      .build(generation -> compute());

  /** The policy for every page the tool serves inside a platform. */
  public String forToolPages() {
    try {
      return cache.get(changes == null ? 0L : changes.current());
    } catch (RuntimeException e) {
      // e.g. the database is down: the error page still gets a policy, the strictest one
      return policy("'self'", List.of(), List.of());
    }
  }

  /**
   * Forgets the cached policy on this instance. Not needed for changes stored through
   * {@link PlatformDirectory} (they raise the generation, which every instance follows).
   */
  public void registrationsChanged() {
    cache.invalidateAll();
  }

  private String compute() {
    TreeSet<String> origins = new TreeSet<>();
    String tool = settings.baseUrl();
    origin(tool).ifPresent(origins::add);
    if (settings.simulatorEnabled()) {
      origins.addAll(loopbackAliases(tool));
    }
    for (PlatformRegistration registration : platforms.all()) {
      origin(registration.issuer()).ifPresent(origins::add);
      origin(registration.authorizationEndpoint().toString()).ifPresent(origins::add);
    }
    settings.get("somework.csp.extra-origins").ifPresent(extra -> {
      for (String o : extra.trim().split("[\\s,]+")) {
        origin(o).ifPresent(origins::add);
      }
    });
    return policy("'self'", origins, origins);
  }

  /**
   * The tool's policy.
   *
   * @param frameSources what its pages may show in iframes (e.g. the simulator's tool frame)
   * @param ancestors origins that may frame its pages, besides itself
   * @param formTargets origins its forms may post to, besides itself
   */
  public static String policy(String frameSources, Collection<String> ancestors, Collection<String> formTargets) {
    return "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none';"
        + " base-uri 'none'; frame-ancestors " + sources(ancestors) + "; form-action " + sources(formTargets)
        + "; frame-src " + frameSources;
  }

  private static String sources(Collection<String> origins) {
    StringBuilder s = new StringBuilder("'self'");
    origins.forEach(o -> s.append(' ').append(o));
    return s.toString();
  }

  /**
   * scheme://host[:port] of an http(s) URL, lower-cased; empty for anything else. Built from the
   * parsed parts, so nothing but an origin can reach the header.
   */
  static Optional<String> origin(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      String host = uri.getHost();
      if (!(scheme.equals("https") || scheme.equals("http")) || host == null
          || !host.matches("[A-Za-z0-9.\\-\\[\\]:]+")) {
        return Optional.empty();
      }
      return Optional.of(scheme + "://" + host.toLowerCase(Locale.ROOT) + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
    } catch (java.net.URISyntaxException e) {
      return Optional.empty();
    }
  }

  static List<String> loopbackAliases(String toolUrl) {
    URI uri = URI.create(toolUrl);
    List<String> aliases = new ArrayList<>();
    if (uri.getHost() == null || !PlatformEndpoints.isLoopback(uri.getHost())) {
      return aliases;
    }
    String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
    for (String host : List.of("localhost", "127.0.0.1", "[::1]")) {
      aliases.add(uri.getScheme().toLowerCase(Locale.ROOT) + "://" + host + port);
    }
    return aliases;
  }
}

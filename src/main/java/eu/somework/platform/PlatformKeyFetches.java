package eu.somework.platform;

import eu.somework.lti.JwksFetcher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Counts the fetches of registered platforms' key sets on {@code /metrics}, by result
 * ({@code fetched} or {@code failed}), and by nothing else: the issuer or URL would be a label an
 * administrator's typing (or a dynamic registration) controls. A rising count shows a platform
 * rotating keys, a short cache lifetime, or tokens with unknown {@code kid}s.
 *
 * <p>Counted here, around the protocol core's {@link JwksFetcher}, because {@code eu.somework.lti}
 * knows no Jakarta or MicroProfile API.
 */
@ApplicationScoped
public class PlatformKeyFetches {
  static final String FETCHES = "somework_platform_keyset_fetches";
  private static final Metadata META = Metadata.builder().withName(FETCHES)
      .withDescription("Fetches of registered platforms' JSON Web Key Sets, by result").build();

  @Inject MetricRegistry registry;

  /** A fetcher with the given timeouts (see {@link JwksFetcher#JwksFetcher(Duration, Duration)}) that counts its fetches. */
  public JwksFetcher fetcher(Duration connectTimeout, Duration timeout) {
    return new JwksFetcher(connectTimeout, timeout) {
      @Override
      public Fetched fetch(URI jwksUri) throws IOException {
        try {
          Fetched fetched = super.fetch(jwksUri);
          count("fetched");
          return fetched;
        } catch (IOException | RuntimeException e) {
          count("failed");
          throw e;
        }
      }
    };
  }

  private void count(String result) {
    registry.counter(META, new Tag("result", result)).inc();
  }
}

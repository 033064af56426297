package eu.somework.lti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Fetching a key set over HTTP, and reading its Cache-Control header. */
class JwksFetcherTest {
  static final RSAKey KEY_A = TestPlatform.newKey("key-a");
  final JwksFetcher fetcher = new JwksFetcher(Duration.ofSeconds(2));

  static Optional<Duration> maxAge(String header) {
    return JwksFetcher.maxAge(Optional.ofNullable(header));
  }

  @Test
  void maxAgeIsReadFromCacheControl() {
    assertEquals(Optional.of(Duration.ofSeconds(300)), maxAge("max-age=300"));
    assertEquals(Optional.of(Duration.ofSeconds(300)), maxAge("public, max-age=300, must-revalidate"));
    assertEquals(Optional.of(Duration.ofSeconds(60)), maxAge("Public, MAX-AGE=60"));
  }

  @Test
  void noStoreAndNoCacheMeanZero() {
    assertEquals(Optional.of(Duration.ZERO), maxAge("no-store"));
    assertEquals(Optional.of(Duration.ZERO), maxAge("private, no-cache"));
  }

  @Test
  void absentOrUnreadableMaxAgeSaysNothing() {
    assertEquals(Optional.empty(), maxAge(null));
    assertEquals(Optional.empty(), maxAge("public"));
    assertEquals(Optional.empty(), maxAge("max-age=soon"));
    assertEquals(Optional.empty(), maxAge("s-maxage=600"));
  }

  @Test
  void keySetAndMaxAgeAreFetched() throws IOException {
    try (JwksServer server = new JwksServer()) {
      server.serve(new JWKSet(KEY_A)).cacheControl("max-age=120");

      JwksFetcher.Fetched fetched = fetcher.fetch(server.uri());

      assertEquals("key-a", fetched.keys().getKeys().get(0).getKeyID());
      assertEquals(Optional.of(Duration.ofSeconds(120)), fetched.maxAge());
    }
  }

  @Test
  void privateKeyPartsPublishedByMistakeAreDropped() throws IOException {
    try (JwksServer server = new JwksServer()) {
      server.serve(200, new JWKSet(KEY_A).toString(false));

      JwksFetcher.Fetched fetched = fetcher.fetch(server.uri());

      assertFalse(fetched.keys().getKeys().get(0).isPrivate());
    }
  }

  @Test
  void errorStatusIsAnError() throws IOException {
    try (JwksServer server = new JwksServer()) {
      server.serve(404, "Not Found");

      IOException e = assertThrows(IOException.class, () -> fetcher.fetch(server.uri()));

      assertTrue(e.getMessage().contains("answered HTTP 404"), e.getMessage());
    }
  }

  @Test
  void oversizedKeySetIsRefused() throws IOException {
    try (JwksServer server = new JwksServer()) {
      server.serve(200, "{\"keys\":[],\"padding\":\"" + "x".repeat(JwksFetcher.MAX_BODY_BYTES) + "\"}");

      IOException e = assertThrows(IOException.class, () -> fetcher.fetch(server.uri()));

      assertTrue(e.getMessage().contains("larger than"), e.getMessage());
    }
  }

  @Test
  void keySetJustUnderTheCapIsRead() throws IOException {
    try (JwksServer server = new JwksServer()) {
      String keys = new JWKSet(KEY_A).toString(true);
      String padded = keys.substring(0, keys.length() - 1) + ",\"padding\":\""
          + "x".repeat(JwksFetcher.MAX_BODY_BYTES - keys.length() - 20) + "\"}";
      server.serve(200, padded);

      assertEquals("key-a", fetcher.fetch(server.uri()).keys().getKeys().get(0).getKeyID());
    }
  }

  @Test
  void redirectIsNotFollowed() throws IOException {
    try (JwksServer server = new JwksServer()) {
      server.serve(302, "").header("Location", "http://127.0.0.1:9/elsewhere");

      IOException e = assertThrows(IOException.class, () -> fetcher.fetch(server.uri()));

      assertTrue(e.getMessage().contains("answered HTTP 302 (a redirect, which the tool does not follow"),
          e.getMessage());
    }
  }

  @Test
  void plainHttpKeySetOffLoopbackIsRefusedWithoutAsking() {
    IOException e = assertThrows(IOException.class,
        () -> fetcher.fetch(java.net.URI.create("http://moodle.example.org/mod/lti/certs.php")));

    assertTrue(e.getMessage().contains("the key set URL must use https"), e.getMessage());
  }

  @Test
  void aPlatformThatDripsItsKeySetTimesOut() throws IOException {
    try (JwksServer server = new JwksServer()) {
      server.serve(new JWKSet(KEY_A)).drip(Duration.ofMillis(400));
      JwksFetcher impatient = new JwksFetcher(Duration.ofMillis(500), Duration.ofSeconds(1));

      long started = System.nanoTime();
      IOException e = assertThrows(IOException.class, () -> impatient.fetch(server.uri()));

      assertTrue(e.getMessage().contains("timed out"), e.getMessage());
      assertTrue(System.nanoTime() - started < 3_000_000_000L, "gave up within the timeout");
    }
  }

  @Test
  void jsonThatIsNotAKeySetIsRefused() throws IOException {
    try (JwksServer server = new JwksServer()) {
      server.serve(200, "[1, 2, 3]");

      IOException e = assertThrows(IOException.class, () -> fetcher.fetch(server.uri()));

      assertTrue(e.getMessage().contains("not a valid JWKS document"), e.getMessage());
    }
  }
}

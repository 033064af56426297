package eu.somework.lti;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Platform key sets and token endpoints: https, or plain http on loopback only. */
class PlatformEndpointsTest {
  @ParameterizedTest
  @ValueSource(strings = {
      "https://moodle.example.edu/mod/lti/certs.php",
      "https://10.0.0.5/certs",
      "http://localhost:8080/simulator/jwks",
      "http://LOCALHOST/jwks",
      "http://127.0.0.1:9/jwks",
      "http://127.255.3.4/jwks",
      "http://[::1]:8080/jwks"})
  void allowed(String url) {
    assertTrue(PlatformEndpoints.isAllowed(URI.create(url)), url);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "http://moodle.example.edu/mod/lti/certs.php",
      "http://10.0.0.5/certs",
      "http://128.0.0.1/jwks",
      "http://127.0.0.1.example.net/jwks",
      "http://localhost.example.net/jwks",
      "http://127.0.0.256/jwks",
      "http://[::2]/jwks",
      "ftp://localhost/jwks",
      "file:///etc/passwd",
      "/relative/jwks"})
  void refused(String url) {
    assertFalse(PlatformEndpoints.isAllowed(URI.create(url)), url);
  }
}

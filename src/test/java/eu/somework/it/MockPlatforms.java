package eu.somework.it;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stand-ins for LMSs the tests cannot run: each serves its JWKS over real HTTP on it.platform.port
 * (the files in src/test/resources/it-lti-config register them with the tool; the build filters
 * that port into them) and signs id_tokens with keys made fresh for this run. The platform
 * {@value MockGradebook#PLATFORM} also has a gradebook with AGS ({@link MockGradebook}).
 */
final class MockPlatforms {
  static final int PORT = Integer.getInteger("it.platform.port", 18081);
  static final String TOOL = "http://localhost:" + Integer.getInteger("it.port", 18080);
  private static MockPlatforms instance;

  private final HttpServer server;
  private final Map<String, JWKSet> published = new ConcurrentHashMap<>();
  private final Map<String, RSAKey> signing = new ConcurrentHashMap<>();
  private final Map<String, Integer> fetches = new ConcurrentHashMap<>();
  private final MockGradebook gradebook = MockGradebook.fetchingKeys();
  private final MockGradebook keyCachingGradebook = MockGradebook.cachingKeys();

  private MockPlatforms() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 0);
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      String platform = path.split("/")[1];
      JWKSet keys = published.get(platform);
      if (!path.endsWith("/jwks") || keys == null) {
        exchange.sendResponseHeaders(404, -1);
        exchange.close();
        return;
      }
      fetches.merge(platform, 1, Integer::sum);
      byte[] body = keys.toString(true).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.getResponseHeaders().add("Cache-Control", "max-age=300");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    gradebook.serveOn(server);
    keyCachingGradebook.serveOn(server);
    server.start();
    // "adm" and "admdel": platforms only the administrators' tests register (AdminConsoleChecks)
    for (String platform : List.of("a", "b", "rot", MockGradebook.PLATFORM, MockGradebook.KEY_CACHING_PLATFORM, "adm", "admdel")) {
      RSAKey key = newKey();
      signing.put(platform, key);
      published.put(platform, new JWKSet(key.toPublicJWK()));
    }
  }

  static synchronized MockPlatforms get() throws IOException {
    if (instance == null) {
      instance = new MockPlatforms();
    }
    return instance;
  }

  static String issuer(String platform) {
    return "http://localhost:" + PORT + "/" + platform;
  }

  /** The gradebook of platform {@value MockGradebook#PLATFORM}. */
  MockGradebook gradebook() {
    return gradebook;
  }

  /** The gradebook of platform {@value MockGradebook#KEY_CACHING_PLATFORM}, which caches the tool's key set. */
  MockGradebook keyCachingGradebook() {
    return keyCachingGradebook;
  }

  RSAKey key(String platform) {
    return signing.get(platform);
  }

  int fetchCount(String platform) {
    return fetches.getOrDefault(platform, 0);
  }

  /** Publishes a new key and signs with it from now on (the old one is withdrawn). */
  RSAKey rotate(String platform) {
    RSAKey key = newKey();
    signing.put(platform, key);
    published.put(platform, new JWKSet(key.toPublicJWK()));
    return key;
  }

  /** A valid LtiResourceLinkRequest for the platform, to be changed by one claim in a test. */
  static JWTClaimsSet.Builder resourceLinkLaunch(String platform, String clientId, String deploymentId,
      String nonce, String userId, String role) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(issuer(platform))
        .audience(clientId)
        .subject(userId)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(300)))
        .claim("nonce", nonce)
        .claim("name", "Test " + role)
        .claim("https://purl.imsglobal.org/spec/lti/claim/deployment_id", deploymentId)
        .claim("https://purl.imsglobal.org/spec/lti/claim/message_type", "LtiResourceLinkRequest")
        .claim("https://purl.imsglobal.org/spec/lti/claim/version", "1.3.0")
        .claim("https://purl.imsglobal.org/spec/lti/claim/target_link_uri", TOOL + "/lti/launch")
        .claim("https://purl.imsglobal.org/spec/lti/claim/roles",
            List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#" + role))
        .claim("https://purl.imsglobal.org/spec/lti/claim/resource_link",
            Map.of("id", "link-" + platform, "title", "Activity on " + platform))
        .claim("https://purl.imsglobal.org/spec/lti/claim/context",
            Map.of("id", "course-" + platform, "title", "Course on " + platform.toUpperCase()));
  }

  static String sign(RSAKey key, JWTClaimsSet claims) {
    return eu.somework.lti.Rs256Signer.sign(key, claims);
  }

  static RSAKey newKey() {
    try {
      return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}

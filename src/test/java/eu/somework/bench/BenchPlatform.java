package eu.somework.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import eu.somework.lti.MoodleIdToken;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The load driver's own LMS, outside the tool's process: a Moodle 4.x as far as launches go. It has
 * its own RSA key, serves its key set at {@code /mod/lti/certs.php} on 127.0.0.1 (JDK HTTP server),
 * registers itself with the tool through a platform file, and signs id_tokens as Moodle's
 * {@code auth.php} does for a student's resource-link launch.
 */
final class BenchPlatform implements AutoCloseable {
  static final String CLIENT_ID = "bench-moodle-client";
  static final String DEPLOYMENT_ID = "1";

  private final HttpServer server;
  private final RSAKey key;
  private final RSASSASigner signer;
  private final AtomicInteger keySetFetches = new AtomicInteger();
  final String issuer;

  /** The platform on 127.0.0.1:{@code port} (0: any free port). */
  BenchPlatform(int port) throws IOException {
    try {
      key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
          .keyID("bench-" + UUID.randomUUID()).generate();
      signer = new RSASSASigner(key);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot make the platform's RSA key", e);
    }
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    issuer = "http://127.0.0.1:" + server.getAddress().getPort();
    server.createContext("/mod/lti/certs.php", this::keySet);
    server.createContext("/", ex -> answer(ex, 404, "text/plain", "not found"));
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.start();
  }

  /** How many times the tool has fetched the key set. */
  int keySetFetches() {
    return keySetFetches.get();
  }

  /** Moodle's authorization endpoint, where the tool's login redirects to (nothing answers there). */
  String authorizationEndpoint() {
    return issuer + "/mod/lti/auth.php";
  }

  /** Moodle's token endpoint (nothing answers there: the launches need no service). */
  String tokenEndpoint() {
    return issuer + "/mod/lti/token.php";
  }

  /** The platform's key set, served by this driver. */
  String keySetUrl() {
    return issuer + "/mod/lti/certs.php";
  }

  /** Writes the registration file the tool reads at start-up ({@code lti-config/README.md}'s format). */
  void writeRegistration(Path platformDir) throws IOException {
    Map<String, Object> file = new LinkedHashMap<>();
    file.put("name", "Load driver Moodle");
    file.put("issuer", issuer);
    file.put("clientId", CLIENT_ID);
    file.put("deploymentIds", List.of(DEPLOYMENT_ID));
    file.put("authorizationEndpoint", authorizationEndpoint());
    file.put("tokenEndpoint", tokenEndpoint());
    file.put("jwksUri", keySetUrl());
    Files.createDirectories(platformDir);
    Files.writeString(platformDir.resolve("bench-moodle.json"), JSONObjectUtils.toJSONString(file));
  }

  /**
   * The id_token Moodle's auth.php posts for student {@code userId} after a login initiation whose
   * redirect carried {@code nonce}: 60 s lifetime, and the claims Moodle 4.x sends with names shared,
   * e-mail not shared, and both LTI Advantage services on ({@link MoodleIdToken#student}).
   */
  String idToken(String userId, String nonce, String targetLinkUri) {
    JWTClaimsSet claims = MoodleIdToken.student(issuer, CLIENT_ID, DEPLOYMENT_ID, userId, nonce, targetLinkUri,
        Instant.now(), Duration.ofSeconds(60));
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
        .type(JOSEObjectType.JWT).build(), claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign the id_token", e);
    }
    return jwt.serialize();
  }

  private void keySet(HttpExchange ex) throws IOException {
    keySetFetches.incrementAndGet();
    answer(ex, 200, "application/json", new JWKSet(key.toPublicJWK()).toString(true));
  }

  private static void answer(HttpExchange ex, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}

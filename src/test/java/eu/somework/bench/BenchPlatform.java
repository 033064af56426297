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
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
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

  /** Writes the registration file the tool reads at start-up ({@code lti-config/README.md}'s format). */
  void writeRegistration(Path platformDir) throws IOException {
    Map<String, Object> file = new LinkedHashMap<>();
    file.put("name", "Load driver Moodle");
    file.put("issuer", issuer);
    file.put("clientId", CLIENT_ID);
    file.put("deploymentIds", List.of(DEPLOYMENT_ID));
    file.put("authorizationEndpoint", issuer + "/mod/lti/auth.php");
    file.put("tokenEndpoint", issuer + "/mod/lti/token.php");
    file.put("jwksUri", issuer + "/mod/lti/certs.php");
    Files.createDirectories(platformDir);
    Files.writeString(platformDir.resolve("bench-moodle.json"), JSONObjectUtils.toJSONString(file));
  }

  /**
   * The id_token Moodle's auth.php posts for student {@code userId} after a login initiation whose
   * redirect carried {@code nonce}: 60 s lifetime, and the claims Moodle 4.x sends with names shared,
   * e-mail not shared, and both LTI Advantage services on.
   */
  String idToken(String userId, String nonce, String targetLinkUri) {
    Instant now = Instant.now();
    String base = issuer + "/mod/lti";
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("id", "27");
    context.put("label", "SMW-2025");
    context.put("title", "Social media at work (autumn 2025)");
    context.put("type", List.of("CourseSection"));
    Map<String, Object> resourceLink = new LinkedHashMap<>();
    resourceLink.put("title", "Unit 2: Data protection at work");
    resourceLink.put("description", "<p>Read the unit and write your reflection by Friday.</p>");
    resourceLink.put("id", "318");
    Map<String, Object> presentation = new LinkedHashMap<>();
    presentation.put("locale", "en");
    presentation.put("document_target", "iframe");
    presentation.put("return_url", base + "/return.php?course=27&launch_container=3&instanceid=318&sesskey=Zq8tUfLx0b");
    Map<String, Object> platform = new LinkedHashMap<>();
    platform.put("product_family_code", "moodle");
    platform.put("version", "2024100702");
    platform.put("guid", "127.0.0.1");
    platform.put("name", "Load driver Moodle");
    platform.put("description", "Load driver Moodle");
    Map<String, Object> ags = new LinkedHashMap<>();
    ags.put("scope", List.of("https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
        "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
        "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
        "https://purl.imsglobal.org/spec/lti-ags/scope/score"));
    ags.put("lineitems", base + "/services.php/27/lineitems?type_id=6");
    Map<String, Object> nrps = new LinkedHashMap<>();
    nrps.put("context_memberships_url", base + "/services.php/CourseSection/27/bindings/6/memberships");
    nrps.put("service_versions", List.of("1.0", "2.0"));
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .claim("nonce", nonce)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(60)))
        .issuer(issuer)
        .audience(CLIENT_ID)
        .claim("https://purl.imsglobal.org/spec/lti/claim/deployment_id", DEPLOYMENT_ID)
        .claim("https://purl.imsglobal.org/spec/lti/claim/target_link_uri", targetLinkUri)
        .subject(userId)
        .claim("https://purl.imsglobal.org/spec/lti/claim/lis",
            Map.of("person_sourcedid", "", "course_section_sourcedid", ""))
        .claim("https://purl.imsglobal.org/spec/lti/claim/roles",
            List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"))
        .claim("https://purl.imsglobal.org/spec/lti/claim/context", context)
        .claim("https://purl.imsglobal.org/spec/lti/claim/message_type", "LtiResourceLinkRequest")
        .claim("https://purl.imsglobal.org/spec/lti/claim/resource_link", resourceLink)
        .claim("given_name", "Bench")
        .claim("family_name", "Learner " + userId)
        .claim("name", "Bench Learner " + userId)
        .claim("https://purl.imsglobal.org/spec/lti/claim/ext", Map.of("user_username", userId, "lms", "moodle-2"))
        .claim("https://purl.imsglobal.org/spec/lti/claim/launch_presentation", presentation)
        .claim("https://purl.imsglobal.org/spec/lti/claim/tool_platform", platform)
        .claim("https://purl.imsglobal.org/spec/lti/claim/version", "1.3.0")
        .claim("https://purl.imsglobal.org/spec/lti-ags/claim/endpoint", ags)
        .claim("https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice", nrps)
        .build();
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

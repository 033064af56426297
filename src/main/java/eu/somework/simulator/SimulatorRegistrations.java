package eu.somework.simulator;

import eu.somework.persistence.Transactor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The simulator's side of Dynamic Registration 1.0: it issues one-time registration tokens (kept
 * only as their SHA-256, good for {@link #TOKEN_LIFETIME}) and registers a tool that presents one,
 * with a new client id and deployment. A token works once: the registration that uses it marks it
 * in the same transaction that stores the tool, and only while it is still unused.
 */
@ApplicationScoped
public class SimulatorRegistrations {
  /** How long a registration token works after the administrator asked for it. */
  static final Duration TOKEN_LIFETIME = Duration.ofHours(1);
  private static final Logger LOG = Logger.getLogger(SimulatorRegistrations.class.getName());
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject Transactor tx;
  @Inject Clock clock;

  /** Why a registration was refused: the HTTP status, the OAuth error code, and a sentence. */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String error;

    Refused(int status, String error, String description) {
      super(description);
      this.status = status;
      this.error = error;
    }

    int status() {
      return status;
    }

    String error() {
      return error;
    }
  }

  /** A tool just registered: what it asked for, and the client it got. */
  record Registered(ToolRegistrationRequest request, SimClient client) {}

  /**
   * A new registration token.
   *
   * @param expired issue it already expired, to try how a tool handles that (the simulator page offers it)
   * @return the token itself, which is nowhere stored
   */
  String issueToken(boolean expired) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    Instant now = clock.instant();
    Instant expires = expired ? now.minusSeconds(1) : now.plus(TOKEN_LIFETIME);
    tx.run(em -> em.persist(new SimRegistrationToken(sha256(token), now, expires)));
    return token;
  }

  /**
   * Registers the tool whose request carried {@code token}.
   *
   * @param bearer the Authorization header's Bearer token, or null
   * @return the request and the new client
   * @throws Refused 401 {@code invalid_token} without a token, with one the simulator did not
   *     issue, an expired or a used one; 400 with the request's fault
   */
  Registered register(String bearer, String body) throws Refused {
    String hash = sha256(Optional.ofNullable(bearer).orElseThrow(
        () -> new Refused(401, "invalid_token", "A registration token is required (Authorization: Bearer).")));
    Optional<String> refusal = tx.read(em -> Optional.ofNullable(em.find(SimRegistrationToken.class, hash)))
        .map(token -> token.refusal(clock.instant()))
        .orElse(Optional.of("The registration token is not one this platform issued."));
    if (refusal.isPresent()) {
      throw new Refused(401, "invalid_token", refusal.get());
    }
    ToolRegistrationRequest request;
    try {
      request = ToolRegistrationRequest.read(body);
    } catch (ToolRegistrationRequest.Invalid e) {
      throw new Refused(400, e.error(), e.getMessage());
    }
    Set<String> scopes = new TreeSet<>();
    for (String scope : request.scope().split("\\s+")) {
      if (SimulatorTokenResource.SCOPES.contains(scope)) {
        scopes.add(scope);
      }
    }
    String clientId = "sim-dyn-" + UUID.randomUUID().toString().substring(0, 8);
    String deploymentId = "dyn-" + UUID.randomUUID().toString().substring(0, 8);
    Instant now = clock.instant();
    boolean stored = tx.inTransaction(em -> {
      // the token is taken under a row lock: of two registrations with one token, one wins
      SimRegistrationToken token = em.find(SimRegistrationToken.class, hash,
          jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
      if (token == null || token.refusal(now).isPresent()) {
        return false;
      }
      token.use(now);
      em.persist(new SimToolRegistration(clientId, deploymentId, request, scopes, now));
      return true;
    });
    if (!stored) {
      throw new Refused(401, "invalid_token", "The registration token was already used; a token registers one tool only.");
    }
    LOG.info(() -> "Simulator: tool registered dynamically as client " + clientId + ", deployment " + deploymentId);
    return new Registered(request, client(clientId).orElseThrow());
  }

  /** The tools registered dynamically, oldest first. */
  List<SimClient> registered() {
    return tx.read(em -> em.createQuery("select r from SimToolRegistration r order by r.createdAt, r.clientId",
        SimToolRegistration.class).getResultList()).stream().map(SimToolRegistration::client).toList();
  }

  /** The dynamically registered client with this id. */
  Optional<SimClient> client(String clientId) {
    return tx.read(em -> Optional.ofNullable(em.find(SimToolRegistration.class, clientId)))
        .map(SimToolRegistration::client);
  }

  /** The client with this id: the built-in one or a dynamically registered one. */
  Optional<SimClient> anyClient(SimulatedPlatform platform, String clientId) {
    if (clientId == null || clientId.isBlank()) {
      return Optional.empty();
    }
    return SimulatedPlatform.CLIENT_ID.equals(clientId) ? Optional.of(SimClient.builtIn(platform)) : client(clientId);
  }

  static String sha256(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}

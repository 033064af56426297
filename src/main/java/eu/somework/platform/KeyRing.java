package eu.somework.platform;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import eu.somework.config.Settings;
import eu.somework.persistence.KeyEncryption;
import eu.somework.persistence.Transactor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.text.ParseException;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Signing keys kept in the database, per owner ({@value #TOOL} for the tool itself, others for the
 * simulator's platform). Each owner always has a CURRENT key that signs and a NEXT key that is
 * already published. A rotation ({@link #scheduleRotation}, or the interval of
 * {@code somework.keys.rotation-days}) is carried out by {@link #advance} in two steps: NEXT signs
 * once it has been published for {@code somework.keys.overlap-minutes} (never less than the key
 * set's cache lifetime, so a platform that caches our key set already holds it), and the key it
 * replaces stays published as PREVIOUS until nothing it signed can still be valid. The database is
 * the only state, so every instance signs with the same key and publishes the same set.
 */
@ApplicationScoped
public class KeyRing {
  public static final String TOOL = "tool";
  /**
   * How long after its last signature a PREVIOUS key stays published: the longest lifetime of what
   * the tool signs (client assertions and Deep Linking responses: 5 minutes) plus platforms' clock skew.
   */
  static final Duration SIGNED_VALIDITY = Duration.ofMinutes(15);
  /** The key set's cache lifetime when the overlap allows it. */
  private static final Duration MAX_CACHE = Duration.ofHours(1);
  private static final Logger LOG = Logger.getLogger(KeyRing.class.getName());
  private static final int KEY_BITS = 2048;

  @Inject Transactor tx;
  @Inject Settings settings;
  @Inject Clock clock;

  /** Decrypted keys by kid; a cache of what the database holds, never the source of truth. */
  private final Map<String, RSAKey> decrypted = new ConcurrentHashMap<>();

  /** One key as an administrator sees it: no key material. */
  public record KeyState(String kid, SigningKey.Status status, Instant createdAt, Optional<Instant> activateAt,
      Optional<Instant> withdrawAt) {}

  /** A key ring outside a container (tests, benchmarks). */
  public static KeyRing over(Transactor tx, Settings settings, Clock clock) {
    KeyRing ring = new KeyRing();
    ring.tx = tx;
    ring.settings = settings;
    ring.clock = clock;
    return ring;
  }

  /**
   * Creates the CURRENT and NEXT keys of an owner if they do not exist yet, and repairs an owner
   * with more than one of either. Called at start-up only, within the instance's turn at starting
   * ({@link eu.somework.persistence.StartupLock}): two instances making an owner's first keys at
   * once would each add a CURRENT key (nothing in the table forbids two), and then sign with
   * different keys. Versions before that turn could leave such pairs in a database: the oldest
   * CURRENT keeps signing, any other becomes PREVIOUS (published until what it signed has expired),
   * and any NEXT but the oldest is retired (it never signed).
   */
  public void ensureKeys(String owner) {
    List<String> repairs = tx.inTransaction(em -> {
      List<String> steps = new ArrayList<>();
      List<SigningKey> keys = locked(em, owner);
      List<SigningKey> currents = oldestFirst(keys, SigningKey.Status.CURRENT);
      if (currents.isEmpty()) {
        SigningKey current = newKey(owner, SigningKey.Status.CURRENT);
        current.promoteToCurrent(clock.instant());
        em.persist(current);
        LOG.info(() -> "Generated the signing key of '" + owner + "'.");
      }
      Instant expired = clock.instant().plus(SIGNED_VALIDITY);
      for (SigningKey extra : currents.subList(Math.min(1, currents.size()), currents.size())) {
        extra.keepAsPrevious(expired);
        steps.add("a second signing key " + extra.kid() + " signs no more and stays published until " + expired);
      }
      List<SigningKey> nexts = oldestFirst(keys, SigningKey.Status.NEXT);
      if (nexts.isEmpty()) {
        em.persist(newKey(owner, SigningKey.Status.NEXT));
      }
      for (SigningKey extra : nexts.subList(Math.min(1, nexts.size()), nexts.size())) {
        extra.retire();
        steps.add("a second next key " + extra.kid() + " was withdrawn (it never signed)");
      }
      return steps;
    });
    repairs.forEach(step -> LOG.warning(() -> "Signing keys of '" + owner + "' repaired: " + step + "."));
  }

  private static List<SigningKey> oldestFirst(List<SigningKey> keys, SigningKey.Status status) {
    return keys.stream().filter(k -> k.status() == status)
        .sorted(Comparator.comparing(SigningKey::createdAt).thenComparing(SigningKey::kid))
        .toList();
  }

  /** The private key that signs for the owner now. */
  public RSAKey signingKey(String owner) {
    SigningKey stored = tx.read(em -> oldestFirst(keysOf(em, owner), SigningKey.Status.CURRENT).stream()
        .findFirst())
        .orElseThrow(() -> new IllegalStateException("No signing key for " + owner));
    return decrypted.computeIfAbsent(stored.kid(), kid -> parse(stored));
  }

  /** The public keys a platform may see signatures from: CURRENT, NEXT and a PREVIOUS not yet withdrawn. */
  public JWKSet publicKeySet(String owner) {
    List<JWK> keys = tx.read(em -> keysOf(em, owner)).stream()
        .filter(k -> k.status() != SigningKey.Status.RETIRED)
        .map(k -> (JWK) decrypted.computeIfAbsent(k.kid(), kid -> parse(k)).toPublicJWK())
        .toList();
    return new JWKSet(keys);
  }

  /**
   * How long a platform may cache the key set ({@code Cache-Control: max-age}): an hour, or the
   * overlap when that is shorter, so a NEXT key is in every honoured cache before it signs.
   */
  public Duration keySetMaxAge() {
    Duration overlap = settings.keyOverlap();
    return overlap.compareTo(MAX_CACHE) < 0 ? overlap : MAX_CACHE;
  }

  /** The owner's keys, newest first, as an administrator sees them. */
  public List<KeyState> keys(String owner) {
    return tx.read(em -> keysOf(em, owner)).stream()
        .sorted(Comparator.comparing(SigningKey::createdAt).reversed())
        .map(k -> new KeyState(k.kid(), k.status(), k.createdAt(), k.activateAt(), k.withdrawAt()))
        .toList();
  }

  /**
   * Asks for the owner's signing key to be replaced: NEXT signs from the returned instant on — the
   * next run of {@link #advance} when it has been published for the overlap, else as soon as it has.
   * Asking again while a rotation waits changes nothing and returns the same instant.
   *
   * @throws IllegalStateException when the owner has no NEXT key ({@link #ensureKeys} was never called)
   */
  public Instant scheduleRotation(String owner) {
    return tx.inTransaction(em -> {
      SigningKey next = locked(em, owner).stream().filter(k -> k.status() == SigningKey.Status.NEXT).findFirst()
          .orElseThrow(() -> new IllegalStateException("No next key for " + owner));
      if (next.activateAt().isEmpty()) {
        Instant published = next.createdAt().plus(settings.keyOverlap());
        Instant now = clock.instant();
        next.scheduleActivation(published.isAfter(now) ? published : now);
      }
      return next.activateAt().orElseThrow();
    });
  }

  /**
   * Carries out the owner's rotation steps that are due: a scheduled NEXT starts signing (the old
   * CURRENT becomes PREVIOUS, a new NEXT is published), a PREVIOUS past its withdrawal leaves the key
   * set, and a CURRENT older than the rotation interval gets its rotation scheduled. The owner's keys
   * are locked while this runs, so instances running it at once take each step once.
   *
   * @return what was done, one line per step, for the log (no key material)
   */
  public List<String> advance(String owner) {
    // a new key takes a while to make: made before the keys are locked, and only when a NEXT is due
    Instant now = clock.instant();
    boolean promotionDue = tx.read(em -> keysOf(em, owner)).stream().anyMatch(k -> k.status() == SigningKey.Status.NEXT
        && k.activateAt().isPresent() && !k.activateAt().get().isAfter(now));
    SigningKey successor = promotionDue ? newKey(owner, SigningKey.Status.NEXT) : null;
    List<String> done = tx.inTransaction(em -> {
      List<String> steps = new ArrayList<>();
      List<SigningKey> keys = locked(em, owner);
      for (SigningKey k : keys) {
        if (k.status() == SigningKey.Status.PREVIOUS && !k.withdrawAt().orElse(now).isAfter(now)) {
          k.retire();
          steps.add("withdrew key " + k.kid() + " from the published key set");
        }
      }
      Optional<SigningKey> next = keys.stream().filter(k -> k.status() == SigningKey.Status.NEXT).findFirst();
      Optional<SigningKey> current = keys.stream().filter(k -> k.status() == SigningKey.Status.CURRENT).findFirst();
      if (next.isEmpty() || current.isEmpty()) {
        return steps;
      }
      // another instance may have promoted it while this one made its key: then the key is not used
      if (successor != null && next.get().activateAt().isPresent() && !next.get().activateAt().get().isAfter(now)) {
        current.get().keepAsPrevious(now.plus(SIGNED_VALIDITY));
        next.get().promoteToCurrent(now);
        em.persist(successor);
        steps.add("key " + next.get().kid() + " signs now; key " + current.get().kid() + " stays published until "
            + now.plus(SIGNED_VALIDITY));
      } else if (next.get().activateAt().isEmpty() && dueForRotation(current.get(), now)) {
        Instant published = next.get().createdAt().plus(settings.keyOverlap());
        next.get().scheduleActivation(published.isAfter(now) ? published : now);
        steps.add("rotation interval reached: key " + next.get().kid() + " will sign from "
            + next.get().activateAt().orElseThrow());
      }
      return steps;
    });
    done.forEach(step -> LOG.info(() -> "Signing keys of '" + owner + "': " + step + "."));
    return done;
  }

  private boolean dueForRotation(SigningKey current, Instant now) {
    Optional<Duration> interval = settings.keyRotationInterval();
    Instant since = current.activateAt().orElse(current.createdAt());
    return interval.isPresent() && !since.plus(interval.get()).isAfter(now);
  }

  private static List<SigningKey> keysOf(EntityManager em, String owner) {
    return em.createQuery("select k from SigningKey k where k.owner = :owner", SigningKey.class)
        .setParameter("owner", owner)
        .getResultList();
  }

  /** The owner's keys, locked until the transaction ends (another instance's rotation waits). */
  private static List<SigningKey> locked(EntityManager em, String owner) {
    return em.createQuery("select k from SigningKey k where k.owner = :owner", SigningKey.class)
        .setParameter("owner", owner)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultList();
  }
  private SigningKey newKey(String owner, SigningKey.Status status) {
    try {
      RSAKey key = new RSAKeyGenerator(KEY_BITS)
          .keyID(UUID.randomUUID().toString())
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.RS256)
          .generate();
      Optional<KeyEncryption> encryption = encryption();
      String json = key.toJSONString();
      return new SigningKey(key.getKeyID(), owner, status,
          encryption.map(e -> e.encrypt(json)).orElse(json), encryption.isPresent(), clock.instant());
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot generate an RSA key", e);
    }
  }

  private RSAKey parse(SigningKey stored) {
    String json = stored.storedJwk();
    if (stored.isEncrypted()) {
      json = encryption()
          .orElseThrow(() -> new IllegalStateException(
              "Signing keys are encrypted but somework.key-encryption-secret is not set."))
          .decrypt(json);
    }
    try {
      return RSAKey.parse(json);
    } catch (ParseException e) {
      throw new IllegalStateException("Stored signing key " + stored.kid() + " is not a valid JWK", e);
    }
  }

  private Optional<KeyEncryption> encryption() {
    return settings.keyEncryptionSecret().map(KeyEncryption::new);
  }
}

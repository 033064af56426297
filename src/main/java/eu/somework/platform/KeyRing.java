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
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Signing keys kept in the database, per owner ({@value #TOOL} for the tool itself, others for the
 * simulator's platform). Each owner always has a CURRENT key that signs and a NEXT key that is
 * already published, so rotating is promoting NEXT and never breaks a platform's cached key set.
 */
@ApplicationScoped
public class KeyRing {
  public static final String TOOL = "tool";
  private static final Logger LOG = Logger.getLogger(KeyRing.class.getName());
  private static final int KEY_BITS = 2048;

  @Inject Transactor tx;
  @Inject Settings settings;
  @Inject Clock clock;

  /** Decrypted keys by kid; a cache of what the database holds, never the source of truth. */
  private final Map<String, RSAKey> decrypted = new ConcurrentHashMap<>();

  /** Creates the CURRENT and NEXT keys of an owner if they do not exist yet. */
  public void ensureKeys(String owner) {
    tx.run(em -> {
      List<SigningKey> keys = keysOf(em, owner);
      if (keys.stream().noneMatch(k -> k.status() == SigningKey.Status.CURRENT)) {
        em.persist(newKey(owner, SigningKey.Status.CURRENT));
        LOG.info(() -> "Generated the signing key of '" + owner + "'.");
      }
      if (keys.stream().noneMatch(k -> k.status() == SigningKey.Status.NEXT)) {
        em.persist(newKey(owner, SigningKey.Status.NEXT));
      }
    });
  }

  /** The private key that signs for the owner now. */
  public RSAKey signingKey(String owner) {
    SigningKey stored = tx.read(em -> keysOf(em, owner).stream()
        .filter(k -> k.status() == SigningKey.Status.CURRENT)
        .findFirst())
        .orElseThrow(() -> new IllegalStateException("No signing key for " + owner));
    return decrypted.computeIfAbsent(stored.kid(), kid -> parse(stored));
  }

  /** The public keys a platform may see signatures from: CURRENT and NEXT. */
  public JWKSet publicKeySet(String owner) {
    List<JWK> keys = tx.read(em -> keysOf(em, owner)).stream()
        .filter(k -> k.status() != SigningKey.Status.RETIRED)
        .map(k -> (JWK) decrypted.computeIfAbsent(k.kid(), kid -> parse(k)).toPublicJWK())
        .toList();
    return new JWKSet(keys);
  }

  /** Promotes NEXT to CURRENT, retires the old CURRENT and creates a new NEXT. */
  public void rotate(String owner) {
    tx.run(em -> {
      for (SigningKey key : keysOf(em, owner)) {
        if (key.status() == SigningKey.Status.CURRENT) {
          key.retire();
        } else if (key.status() == SigningKey.Status.NEXT) {
          key.promoteToCurrent();
        }
      }
      em.persist(newKey(owner, SigningKey.Status.NEXT));
    });
  }

  private static List<SigningKey> keysOf(EntityManager em, String owner) {
    return em.createQuery("select k from SigningKey k where k.owner = :owner", SigningKey.class)
        .setParameter("owner", owner)
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

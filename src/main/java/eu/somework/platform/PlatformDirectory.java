package eu.somework.platform;

import eu.somework.lti.PlatformRegistration;
import eu.somework.lti.RegistrationDirectory;
import eu.somework.persistence.RaceRetry;
import eu.somework.persistence.Transactor;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import eu.somework.persistence.BackgroundRefresh;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Optional;

/**
 * The registrations the tool knows, stored in the database; created and updated here. Every change
 * raises the registrations' generation in its own transaction ({@link RegistrationChanges}), so the
 * caches of every instance follow it.
 *
 * <p>Every login and launch looks its registration up, so lookups by issuer (and client id) are
 * kept on this instance ({@link #find}, {@link #findByIssuer}, {@link #isEnabled}) per generation:
 * a change made on any instance is followed as soon as this instance sees the new generation (at
 * once where it was made, within milliseconds elsewhere: {@link RegistrationChanges}), and
 * {@link #forgetRegistrations} gives the memory back at once. A kept lookup is also read again in
 * the background after {@link #FRESHNESS} (a change made by hand in the database raises no
 * generation), and dropped after {@link #KEPT} unused. The administrators' lists and summaries
 * always read the database.
 */
@ApplicationScoped
public class PlatformDirectory implements RegistrationDirectory {
  /** After this, a kept lookup is read again in the background (the same as {@link RegistrationStatus#FRESHNESS}). */
  public static final Duration FRESHNESS = RegistrationStatus.FRESHNESS;
  /** A lookup not refreshed for this long is read again before it is answered. */
  public static final Duration KEPT = Duration.ofMinutes(1);

  @Inject Transactor tx;
  @Inject Clock clock;
  @Inject RegistrationChanges changes;

  /**
   * A lookup: one registration (issuer and client id), or all of an issuer's ({@code clientId} null),
   * at a registrations' generation.
   */
  private record Lookup(String issuer, String clientId, long generation) {}

  /** A registration as the launch needs it. */
  private record Kept(PlatformRegistration registration, boolean enabled) {}

  private final LoadingCache<Lookup, List<Kept>> kept = Caffeine.newBuilder()
      .maximumSize(10_000)
      .refreshAfterWrite(FRESHNESS)
      .expireAfterWrite(KEPT)
      .executor(BackgroundRefresh.withClassLoaderOf(PlatformDirectory.class))
      .build(BackgroundRefresh.keepingOnOutage(this::load));

  /** For the container. */
  public PlatformDirectory() {}

  /** A directory over the given transactions and clock, e.g. a test's database. */
  public PlatformDirectory(Transactor tx, Clock clock) {
    this.tx = tx;
    this.clock = clock;
  }

  @Override
  public Optional<PlatformRegistration> find(String issuer, String clientId) {
    return kept.get(new Lookup(issuer, clientId, generation())).stream().findFirst().map(Kept::registration);
  }

  @Override
  public List<PlatformRegistration> findByIssuer(String issuer) {
    return kept.get(new Lookup(issuer, null, generation())).stream().map(Kept::registration).toList();
  }

  /**
   * Drops every kept lookup, so the next one reads the database: call it wherever registrations or
   * their deployments change on this instance (the one method to hook a cluster-wide invalidation
   * into).
   */
  public void forgetRegistrations() {
    kept.invalidateAll();
  }

  /** The registrations' generation of this request (0 for a directory built without one, e.g. a test's). */
  private long generation() {
    return changes == null ? 0L : changes.current();
  }

  private List<Kept> load(Lookup lookup) {
    return tx.read(em -> (lookup.clientId() == null
            ? em.createQuery("select r from Registration r where r.issuer = :issuer", Registration.class)
                .setParameter("issuer", lookup.issuer()).getResultList()
            : lookup(em, lookup.issuer(), lookup.clientId()).stream().toList())
        .stream().map(r -> new Kept(r.toProtocol(), r.enabled())).toList());
  }

  public List<PlatformRegistration> all() {
    return tx.read(em -> em.createQuery("select r from Registration r order by r.name", Registration.class)
        .getResultList().stream().map(Registration::toProtocol).toList());
  }

  /**
   * Creates the registration or brings it in line with the description. Two instances creating the
   * same registration at once (e.g. a Dynamic Registration answered twice): the one whose insert
   * loses on the unique issuer and client id tries once more and updates the winner's row
   * ({@link RaceRetry}); inside a caller's unit of work, that caller's unit fails instead.
   */
  public void save(PlatformRegistration description, Registration.Origin origin, String sourceFile) {
    RaceRetry.once(() -> tx.inTransaction(em -> {
      Registration registration = lookup(em, description.issuer(), description.clientId())
          .orElseGet(() -> {
            Registration created = new Registration(description.issuer(), description.clientId());
            em.persist(created);
            return created;
          });
      registration.updateFrom(description, origin, sourceFile, clock.instant());
      RegistrationChanges.recordIn(em);
      em.flush(); // the duplicate key, if another instance won, shows here
      return null;
    }));
    forgetRegistrations();
  }

  /**
   * Revokes the registrations that were loaded from a configuration file no longer in the folder:
   * removing a platform's file takes its access away at the next start. Registrations of other
   * origins (simulator, dynamic registration) are left alone. Deployments go with them; what
   * users did in the tool stays, so putting the file back restores the platform.
   *
   * @param presentFiles names of the {@code *.json} files the folder holds now
   * @return "name (issuer, client id, file)" of each revoked registration, for the log
   */
  public List<String> revokeRegistrationsOfRemovedFiles(Set<String> presentFiles) {
    List<String> revokedNow = tx.inTransaction(em -> {
      List<String> revoked = new ArrayList<>();
      for (Registration r : em.createQuery("select r from Registration r", Registration.class).getResultList()) {
        if (r.cameFromFile() && !r.sourceFile().map(presentFiles::contains).orElse(false)) {
          revoked.add(r.name() + " (" + r.issuer() + ", client id " + r.clientId() + ", file "
              + r.sourceFile().orElse("?") + ")");
          em.remove(r);
        }
      }
      if (!revoked.isEmpty()) {
        RegistrationChanges.recordIn(em);
      }
      return revoked;
    });
    forgetRegistrations();
    return revokedNow;
  }

  /**
   * Whether the registration may launch and send scores: false only when a tool administrator
   * switched it off. An unknown registration counts as enabled (it is refused as unknown elsewhere).
   */
  public boolean isEnabled(String issuer, String clientId) {
    return kept.get(new Lookup(issuer, clientId, generation())).stream().findFirst().map(Kept::enabled).orElse(true);
  }

  /** Every registration as an administrator sees it, ordered by name (then id). */
  public List<RegistrationSummary> summaries() {
    return tx.read(em -> em.createQuery("select r from Registration r order by r.name, r.id", Registration.class)
        .getResultList().stream().map(RegistrationSummary::of).toList());
  }

  /** One registration by its database id. */
  public Optional<RegistrationSummary> summary(long id) {
    return tx.read(em -> Optional.ofNullable(em.find(Registration.class, id)).map(RegistrationSummary::of));
  }

  /** One registration by issuer and client id. */
  public Optional<RegistrationSummary> summary(String issuer, String clientId) {
    return tx.read(em -> lookup(em, issuer, clientId).map(RegistrationSummary::of));
  }

  /** The registrations an administrator switched off (few: the score outbox skips their entries). */
  public List<RegistrationSummary> disabled() {
    return tx.read(em -> em.createQuery("select r from Registration r where r.enabled = false", Registration.class)
        .getResultList().stream().map(RegistrationSummary::of).toList());
  }

  /**
   * Switches a registration on or off; takes effect for the next login initiation or launch.
   *
   * @return the registration after the change; empty when there is no registration {@code id}
   */
  public Optional<RegistrationSummary> switchTo(long id, boolean enabled) {
    Optional<RegistrationSummary> switched = tx.inTransaction(em -> Optional.ofNullable(em.find(Registration.class, id)).map(r -> {
      r.switchTo(enabled, clock.instant());
      RegistrationChanges.recordIn(em);
      return RegistrationSummary.of(r);
    }));
    forgetRegistrations();
    return switched;
  }

  private static Optional<Registration> lookup(EntityManager em, String issuer, String clientId) {
    return em.createQuery(
            "select r from Registration r where r.issuer = :issuer and r.clientId = :clientId",
            Registration.class)
        .setParameter("issuer", issuer)
        .setParameter("clientId", clientId)
        .getResultList()
        .stream()
        .findFirst();
  }
}

package eu.somework.platform;

import eu.somework.lti.PlatformRegistration;
import eu.somework.lti.RegistrationDirectory;
import eu.somework.persistence.Transactor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Optional;

/**
 * The registrations the tool knows, stored in the database; created and updated here. Every change
 * raises the registrations' generation in its own transaction ({@link RegistrationChanges}), so the
 * caches of every instance follow it.
 */
@ApplicationScoped
public class PlatformDirectory implements RegistrationDirectory {
  @Inject Transactor tx;
  @Inject Clock clock;

  /** For the container. */
  public PlatformDirectory() {}

  /** A directory over the given transactions and clock, e.g. a test's database. */
  public PlatformDirectory(Transactor tx, Clock clock) {
    this.tx = tx;
    this.clock = clock;
  }

  @Override
  public Optional<PlatformRegistration> find(String issuer, String clientId) {
    return tx.read(em -> lookup(em, issuer, clientId).map(Registration::toProtocol));
  }

  @Override
  public List<PlatformRegistration> findByIssuer(String issuer) {
    return tx.read(em -> em.createQuery(
            "select r from Registration r where r.issuer = :issuer", Registration.class)
        .setParameter("issuer", issuer)
        .getResultList()
        .stream()
        .map(Registration::toProtocol)
        .toList());
  }

  public List<PlatformRegistration> all() {
    return tx.read(em -> em.createQuery("select r from Registration r order by r.name", Registration.class)
        .getResultList().stream().map(Registration::toProtocol).toList());
  }

  /** Creates the registration or brings it in line with the description. */
  public void save(PlatformRegistration description, Registration.Origin origin, String sourceFile) {
    tx.run(em -> {
      Registration registration = lookup(em, description.issuer(), description.clientId())
          .orElseGet(() -> {
            Registration created = new Registration(description.issuer(), description.clientId());
            em.persist(created);
            return created;
          });
      registration.updateFrom(description, origin, sourceFile, clock.instant());
      RegistrationChanges.recordIn(em);
    });
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
    return tx.inTransaction(em -> {
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
  }

  /**
   * Whether the registration may launch and send scores: false only when a tool administrator
   * switched it off. An unknown registration counts as enabled (it is refused as unknown elsewhere).
   */
  public boolean isEnabled(String issuer, String clientId) {
    return tx.read(em -> lookup(em, issuer, clientId).map(Registration::enabled).orElse(true));
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
    return tx.inTransaction(em -> Optional.ofNullable(em.find(Registration.class, id)).map(r -> {
      r.switchTo(enabled, clock.instant());
      RegistrationChanges.recordIn(em);
      return RegistrationSummary.of(r);
    }));
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

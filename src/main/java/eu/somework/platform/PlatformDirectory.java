package eu.somework.platform;

import eu.somework.lti.PlatformRegistration;
import eu.somework.lti.RegistrationDirectory;
import eu.somework.persistence.Transactor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The registrations the tool knows, stored in the database; created and updated here. */
@ApplicationScoped
public class PlatformDirectory implements RegistrationDirectory {
  @Inject Transactor tx;
  @Inject Clock clock;

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
    });
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

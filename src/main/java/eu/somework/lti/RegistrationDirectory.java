package eu.somework.lti;

import java.util.List;
import java.util.Optional;

/** Where the protocol core finds registrations; the application backs it with its database. */
public interface RegistrationDirectory {
  Optional<PlatformRegistration> find(String issuer, String clientId);

  List<PlatformRegistration> findByIssuer(String issuer);
}

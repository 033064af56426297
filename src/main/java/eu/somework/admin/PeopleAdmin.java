package eu.somework.admin;

import eu.somework.privacy.Audience;
import eu.somework.privacy.ErasureRefused;
import eu.somework.privacy.ErasureReport;
import eu.somework.privacy.PersonalDataErasure;
import eu.somework.privacy.PersonalDataExport;
import eu.somework.privacy.Person;
import eu.somework.privacy.UndeliveredScores;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * What a tool administrator does for a data-protection request about one person (GDPR Art. 15, 17,
 * 20): the complete export of what the tool holds about them, and their erasure. A person is named
 * as LTI names them: the registration's issuer and client id, and the platform's user id ({@code sub}).
 */
@ApplicationScoped
public class PeopleAdmin {
  private static final Logger LOG = Logger.getLogger(PeopleAdmin.class.getName());

  @Inject PersonalDataExport export;
  @Inject PersonalDataErasure erasure;
  @Inject AdminAudit audit;
  @Inject AdminContext context;

  /**
   * Everything the tool holds about the person, for the administrator (private notes and unreleased
   * grades included: the data-protection officer reviews it before handing it over).
   *
   * @throws AdminRefused 400 when a part of the person's name is missing or too long; 404 when the
   *     tool holds nothing about them
   */
  public PersonalDataExport.Document export(String issuer, String clientId, String userId) {
    PersonalDataExport.Document document = export.export(person(issuer, clientId, userId), Audience.ADMINISTRATOR);
    if (document.isEmpty()) {
      throw nothingHeld();
    }
    // the registration, not the person: the audit log records that an export happened
    audit.record("PERSON_EXPORTED", issuer, clientId, document.rows() + " rows");
    LOG.info(() -> "A tool administrator exported one person's data (" + document.rows() + " rows).");
    return document;
  }

  /**
   * Erases the person ({@link PersonalDataErasure}).
   *
   * @param undeliveredScores {@code refuse} (the default when null or blank: an erasure waits for
   *     scores not yet in the gradebook) or {@code withdraw} (they are deleted unsent and listed)
   * @throws AdminRefused 400 for a bad person or mode; 404 when the tool holds nothing about them;
   *     409 when a score not yet delivered (or being sent) stops the erasure, with what to do
   */
  public ErasureReport erase(String issuer, String clientId, String userId, String undeliveredScores) {
    Person person = person(issuer, clientId, userId);
    UndeliveredScores mode = mode(undeliveredScores);
    if (export.export(person, Audience.ADMINISTRATOR).isEmpty()) {
      throw nothingHeld();
    }
    try {
      return erasure.erase(person, mode, context.channel().label());
    } catch (ErasureRefused refused) {
      throw new AdminRefused(409, refused.getMessage());
    }
  }

  private static Person person(String issuer, String clientId, String userId) {
    try {
      return new Person(issuer, clientId, userId);
    } catch (IllegalArgumentException e) {
      throw new AdminRefused(400, e.getMessage());
    }
  }

  private static UndeliveredScores mode(String value) {
    if (value == null || value.isBlank()) {
      return UndeliveredScores.REFUSE;
    }
    try {
      return UndeliveredScores.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new AdminRefused(400, "undeliveredScores is refuse (wait until every score is in the gradebook)"
          + " or withdraw (delete them unsent and list them), not " + value + ".");
    }
  }

  private static AdminRefused nothingHeld() {
    return new AdminRefused(404, "The tool holds nothing about this person: check the issuer, client id and user id.");
  }
}

package eu.somework.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.util.JSONObjectUtils;
import eu.somework.access.RequestContext;
import eu.somework.session.Allow;
import eu.somework.session.ToolRole;
import eu.somework.session.ToolSession;
import eu.somework.testsupport.DatabaseEngine;
import eu.somework.testsupport.HandClock;
import eu.somework.testsupport.MigratedDatabase;
import eu.somework.testsupport.Sessions;
import eu.somework.web.UiLanguage;
import jakarta.ws.rs.core.Response;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** "Download my data" as the access filter hands it a launched person's request, on a real H2 schema. */
class MyDataResourceTest {
  private MyDataResource resource;

  @BeforeEach
  void wire() {
    MigratedDatabase db = MigratedDatabase.emptied(DatabaseEngine.H2);
    new People(db).fill();
    resource = new MyDataResource();
    resource.export = PersonalDataExport.over(db.transactor(), new HandClock(People.NOW));
  }

  private void as(ToolSession session) {
    resource.context = RequestContext.of(session, "token", UiLanguage.EN, Optional.empty());
  }

  private static ToolSession launched(Person person, ToolRole role) {
    ToolSession s = Sessions.of(role, person.userId(), null, "course-alpha", "en");
    return new ToolSession(person.issuer(), person.clientId(), People.DEPLOYMENT, s.userId(), s.displayName(),
        role, s.contextId(), s.contextTitle(), s.resourceLinkId(), s.resourceLinkTitle(), s.locale(), s.unit(),
        s.deepLinking(), s.expiresAt());
  }

  @Test
  void aLearnerDownloadsTheirOwnDataAsAFileNoCacheKeeps() throws ParseException {
    as(launched(People.ALICE, ToolRole.STUDENT));

    Response response = resource.download();

    assertEquals(200, response.getStatus());
    assertEquals("attachment; filename=\"somework-my-data.json\"", response.getHeaderString("Content-Disposition"));
    assertEquals("no-store", response.getHeaderString("Cache-Control"));
    assertTrue(response.getMediaType().toString().startsWith("application/json"));
    String json = (String) response.getEntity();
    Map<String, Object> doc = JSONObjectUtils.parse(json);
    assertEquals("PERSON", doc.get("audience"));
    assertEquals(People.ALICE.userId(), ((Map<?, ?>) doc.get("person")).get("userId"));
    assertTrue(json.contains("alice-draft-alpha"));
    assertFalse(json.contains("bob"), "nothing of a classmate");
  }

  @Test
  void aTeacherDownloadsTheirsWithoutTheStudentsTheyGraded() {
    as(launched(People.TIINA, ToolRole.TEACHER));

    String json = (String) resource.download().getEntity();

    assertTrue(json.contains("tiina-comment-alpha"));
    assertFalse(json.contains("alice") || json.contains("bob"), json);
  }

  @Test
  void onlyLaunchedPeopleMayDownloadGuestsAreRefusedByTheAccessFilter() throws NoSuchMethodException {
    assertEquals(null, MyDataResource.class.getMethod("download").getAnnotation(Allow.class), "the class's rule");
    assertEquals(List.of(ToolRole.STUDENT, ToolRole.TEACHER, ToolRole.ADMINISTRATOR),
        List.of(MyDataResource.class.getAnnotation(Allow.class).value()));
  }
}

package eu.somework.privacy;

import eu.somework.access.RequestContext;
import eu.somework.session.Allow;
import eu.somework.session.ToolRole;
import eu.somework.session.ToolSession;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * "Download my data": the launched person's own export ({@link Audience#PERSON}) as a JSON file
 * download, never cached. Guests (anonymous launches, unknown roles) hold no data of their own here
 * and are refused by the access filter.
 */
@Path("/app/my-data")
@Allow({ToolRole.STUDENT, ToolRole.TEACHER, ToolRole.ADMINISTRATOR})
public class MyDataResource {
  /** The file's name in the browser's download. */
  static final String FILE_NAME = "somework-my-data.json";

  @Inject RequestContext context;
  @Inject PersonalDataExport export;

  @GET
  public Response download() {
    ToolSession session = context.session();
    // a student, teacher or administrator always has a user id (ToolRole.of: anonymous is GUEST)
    Person person = new Person(session.issuer(), session.clientId(), session.userId().orElseThrow());
    return Response.ok(export.export(person, Audience.PERSON).json(), "application/json;charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"" + FILE_NAME + "\"")
        .header("Cache-Control", "no-store")
        .build();
  }
}

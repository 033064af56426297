package eu.somework.reflection;

import eu.somework.access.RequestContext;
import eu.somework.config.Settings;
import eu.somework.content.ContentCatalogue;
import eu.somework.course.CourseMembers;
import eu.somework.session.Allow;
import eu.somework.session.ToolRole;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * The course blog for the course's members: shared reflections with their comments, a comment
 * form, and removing a comment. Ids of reflections or comments outside the viewer's course, or
 * of reflections they may not read, answer 404 and show nothing.
 */
@Path("/app/blog")
@Allow(value = {ToolRole.STUDENT, ToolRole.TEACHER, ToolRole.ADMINISTRATOR}, course = true,
    refusal = "reflection.membersOnly")
public class BlogResource {
  @Inject RequestContext context;
  @Inject CourseBlog blog;
  @Inject CourseMembers members;
  @Inject ContentCatalogue catalogue;
  @Inject Settings settings;

  @GET
  @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
  public Response show(@QueryParam("notice") String notice) {
    String text = "commented".equals(notice) ? context.text().get("blog.commented")
        : "removed".equals(notice) ? context.text().get("blog.removed") : null;
    String html = BlogPage.render(context.language(), new Links(context.sessionToken()),
        blog.entries(context.session()), Names.of(members, context.session()), catalogue, text);
    return Response.ok(html).header("Cache-Control", "no-store").build();
  }

  /** Adds a plain-text comment (field {@code text}) to a shared reflection, then shows it in the blog. */
  @POST
  @Path("{reflection}/comments")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response comment(@PathParam("reflection") String reflectionId, @FormParam("text") String text) {
    blog.comment(context.session(), reflectionId, text);
    return backTo("commented", reflectionId);
  }

  /** Removes a comment: allowed to its author, the reflection's author and the course's teachers. */
  @POST
  @Path("comments/{comment}/remove")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response remove(@PathParam("comment") String commentId) {
    String reflectionId = blog.removeComment(context.session(), commentId);
    return backTo("removed", reflectionId);
  }

  private Response backTo(String notice, String reflectionId) {
    Links links = new Links(context.sessionToken());
    return Response.seeOther(URI.create(settings.baseUrl() + links.url(Links.BLOG, notice) + "#r-" + reflectionId))
        .header("Cache-Control", "no-store").build();
  }
}

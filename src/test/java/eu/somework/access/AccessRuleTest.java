package eu.somework.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somework.session.AdminOnly;
import eu.somework.session.Allow;
import eu.somework.session.Public;
import eu.somework.session.ToolRole;
import org.junit.jupiter.api.Test;

/** Which rule applies to a resource method: its own, else its class's, else none (refused). */
class AccessRuleTest {
  @Allow(ToolRole.TEACHER)
  static class TeacherPages {
    public void list() {}

    @Public("a page anyone may see")
    public void about() {}

    @Allow(ToolRole.STUDENT)
    public void mine() {}
  }

  @AdminOnly
  static class AdminPages {
    public void overview() {}

    @AdminOnly(api = true)
    public void api() {}

    @Public("the sign-in form")
    public void signIn() {}
  }

  static class Undeclared {
    public void anything() {}
  }

  @Test
  void aMethodsRuleWinsOverItsClassAndTheClassRuleCoversTheRest() throws Exception {
    AccessRule list = AccessRule.of(TeacherPages.class, TeacherPages.class.getMethod("list")).orElseThrow();
    assertFalse(list.isPublic());
    assertEquals(ToolRole.TEACHER, list.allow().orElseThrow().value()[0]);
    assertTrue(AccessRule.of(TeacherPages.class, TeacherPages.class.getMethod("about")).orElseThrow().isPublic());
    assertEquals(ToolRole.STUDENT, AccessRule.of(TeacherPages.class, TeacherPages.class.getMethod("mine"))
        .orElseThrow().allow().orElseThrow().value()[0]);
  }

  @Test
  void anAdministratorsRuleIsNeitherPublicNorARoleRule() throws Exception {
    AccessRule console = AccessRule.of(AdminPages.class, AdminPages.class.getMethod("overview")).orElseThrow();
    assertFalse(console.isPublic());
    assertTrue(console.allow().isEmpty(), "no LTI role admits an administrator's page");
    assertFalse(console.admin().orElseThrow().api());
    assertTrue(AccessRule.of(AdminPages.class, AdminPages.class.getMethod("api")).orElseThrow().admin().orElseThrow()
        .api());
    AccessRule signIn = AccessRule.of(AdminPages.class, AdminPages.class.getMethod("signIn")).orElseThrow();
    assertTrue(signIn.isPublic());
    assertTrue(signIn.admin().isEmpty());
  }

  @Test
  void aRoleRuleNeverAdmitsAsAdministrator() throws Exception {
    assertTrue(AccessRule.of(TeacherPages.class, TeacherPages.class.getMethod("list")).orElseThrow().admin().isEmpty());
  }

  @Test
  void aResourceWithoutARuleHasNone() throws Exception {
    assertTrue(AccessRule.of(Undeclared.class, Undeclared.class.getMethod("anything")).isEmpty());
  }
}

package eu.somework.access;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import eu.somework.session.AdminOnly;
import eu.somework.session.Allow;
import eu.somework.session.Public;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;

/**
 * Every endpoint declares who may reach it; one without a rule would be refused by the filter,
 * and this test names it before it ships.
 */
@AnalyzeClasses(packages = "eu.somework", importOptions = ImportOption.DoNotIncludeTests.class)
class AccessRulesTest {

  private static final ArchCondition<JavaMethod> DECLARE_AN_ACCESS_RULE =
      new ArchCondition<>("declare @Allow, @Public or @AdminOnly (on the method or its class)") {
        @Override
        public void check(JavaMethod method, ConditionEvents events) {
          boolean declared = method.isAnnotatedWith(Allow.class) || method.isAnnotatedWith(Public.class)
              || method.isAnnotatedWith(AdminOnly.class)
              || method.getOwner().isAnnotatedWith(Allow.class) || method.getOwner().isAnnotatedWith(Public.class)
              || method.getOwner().isAnnotatedWith(AdminOnly.class);
          events.add(new SimpleConditionEvent(method, declared,
              method.getFullName() + (declared ? " declares" : " does not declare") + " an access rule"));
        }
      };

  @ArchTest
  static final ArchRule everyEndpointDeclaresWhoMayReachIt =
      methods().that().areAnnotatedWith(GET.class).or().areAnnotatedWith(POST.class)
          .or().areAnnotatedWith(PUT.class).or().areAnnotatedWith(DELETE.class)
          .or().areAnnotatedWith(PATCH.class).or().areAnnotatedWith(HEAD.class)
          .should(DECLARE_AN_ACCESS_RULE)
          .because("a resource without a rule is refused by default (one access mechanism, not a check per method)");
}

package eu.somework.lti;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The protocol core stays a library: no framework, no other part of the application, and no
 * mutable state in the objects that every launch shares.
 */
@AnalyzeClasses(packages = "eu.somework.lti", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule coreKnowsNoJakarta =
      noClasses().that().resideInAPackage("eu.somework.lti..")
          .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "javax.servlet..", "javax.ws..")
          .because("the LTI protocol is unit-tested without a server (STYLE.md: protocol core)");

  @ArchTest
  static final ArchRule coreKnowsNoOtherPartOfTheTool =
      noClasses().that().resideInAPackage("eu.somework.lti..")
          .should().dependOnClassesThat(
              resideInAPackage("eu.somework..").and(resideOutsideOfPackage("eu.somework.lti..")))
          .because("the application depends on the protocol, never the other way round");

  // Every instance field final, in every class, enums and records included: stricter than "except
  // records and enums", because a mutable field in an enum constant is shared global state too.
  // What a final field points to may still change (the key cache's ConcurrentHashMap); that is
  // the one deliberate, thread-safe exception, and it is a final field all the same.
  @ArchTest
  static final ArchRule coreObjectsAreImmutable =
      fields().that().areDeclaredInClassesThat().resideInAPackage("eu.somework.lti..")
          .and().areNotStatic()
          .should().beFinal()
          .because("validators and protocol objects are shared by every launch (STYLE.md: immutable, thread-safe)");

  @ArchTest
  static final ArchRule coreHasNoMutableGlobals =
      fields().that().areDeclaredInClassesThat().resideInAPackage("eu.somework.lti..")
          .and().areStatic()
          .should().beFinal();
}

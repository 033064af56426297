package eu.somework.cli;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameStartingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The runnable jar's commands run outside the tool, on the JDK and the Jakarta JSON classes bundled
 * with them, and the launcher at the jar's root on the JDK alone: a class of the tool or of another
 * library would compile (it is on the build's class path) and then fail in the jar.
 */
class LauncherDependenciesTest {
  // the launcher's own compilation (compiler execution "launcher"), not its copy among the test classes
  static final Path LAUNCHER_CLASSES = Path.of(System.getProperty("basedir", "."), "target", "launcher-classes");

  static JavaClasses launcherClasses() {
    if (!Files.isDirectory(LAUNCHER_CLASSES)) {
      throw new IllegalStateException(LAUNCHER_CLASSES + " is missing: run the tests through Maven (mvn test)");
    }
    return new ClassFileImporter().importPath(LAUNCHER_CLASSES);
  }

  @Test
  void theCommandsUseTheJdkAndJakartaJsonOnly() {
    classes().should().onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "javax.net.ssl..", "jakarta.json..", "eu.somework.cli..")
        .check(launcherClasses());
  }

  @Test
  void theLauncherUsesTheJdkOnlyAndNoOtherCommandClass() {
    // at the jar's root only the launcher lies: the other command classes are under SOMEWORK-CLI/
    classes().that().haveSimpleNameStartingWith("Launcher").should().onlyDependOnClassesThat(
            resideInAPackage("java..").or(simpleNameStartingWith("Launcher")))
        .check(launcherClasses());
  }
}

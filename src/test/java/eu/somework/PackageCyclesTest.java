package eu.somework;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Features depend on each other in one direction only: a package cycle makes every change a change of both. */
@AnalyzeClasses(packages = "eu.somework", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageCyclesTest {

  @ArchTest
  static final ArchRule noPackageCycles =
      slices().matching("eu.somework.(*)..").should().beFreeOfCycles();
}

package dev.lrcp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Module boundaries, checked on the compiled production classes: top-level packages form no cycle,
 * provider adapters are reached only through the port, and only telemetry knows Datadog.
 */
class ModuleBoundaryTests {

  static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.lrcp");

  static final DescribedPredicate<JavaClass> ADAPTER =
      DescribedPredicate.describe(
          "a provider adapter (a subpackage of dev.lrcp.llm)",
          c -> c.getPackageName().startsWith("dev.lrcp.llm."));

  @Test
  void topLevelModulesHaveNoCycles() {
    slices().matching("dev.lrcp.(*)..").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void adaptersAreUsedOnlyInsideLlmAndByTheRootPackageWiring() {
    noClasses()
        .that()
        .resideOutsideOfPackages("dev.lrcp.llm..")
        .and()
        .resideOutsideOfPackage("dev.lrcp")
        .should()
        .dependOnClassesThat(ADAPTER)
        .check(CLASSES);
  }

  @Test
  void onlyTelemetryTalksToDatadogMetricsAndTraces() {
    noClasses()
        .that()
        .resideOutsideOfPackages("dev.lrcp.telemetry..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.timgroup.statsd..", "datadog.trace..")
        .check(CLASSES);
  }
}

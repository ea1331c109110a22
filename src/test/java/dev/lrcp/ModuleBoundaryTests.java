package dev.lrcp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.lrcp.boundaryfixture.FixtureApplication;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;

/**
 * Module boundaries, checked on the compiled production classes: Spring Modulith's verification
 * (each top-level package a module, no cycles, no module reaching into another's subpackages), plus
 * rules of our own: provider adapters are reached only through the port, only telemetry knows
 * Datadog, and only the web module reads or writes servlet request attributes.
 */
class ModuleBoundaryTests {

  @Test
  void modulesOnlyUseEachOthersPublicApiAndFormNoCycles() {
    var modules = ApplicationModules.of(ControlPlaneApplication.class);

    assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
        .contains("flow", "gateway", "health", "incident", "llm", "storage", "telemetry");
    modules.verify();
  }

  @Test
  void theCheckFailsWhenAModuleReachesIntoAnotherModulesInternals() {
    var fixture =
        ApplicationModules.of(
            FixtureApplication.class,
            location ->
                location.contains("/test-classes/") || location.contains("boundaryfixture"));

    assertThatThrownBy(fixture::verify)
        .isInstanceOf(Violations.class)
        .hasMessageContaining("billing")
        .hasMessageContaining("PriceTable");
  }

  @Test
  void requestAttributesAreNoHiddenChannelBetweenModules() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.lrcp.web..")
        .should()
        .callMethod(HttpServletRequest.class, "getAttribute", String.class)
        .orShould()
        .callMethod(HttpServletRequest.class, "setAttribute", String.class, Object.class)
        .orShould()
        .callMethod(ServletRequest.class, "getAttribute", String.class)
        .orShould()
        .callMethod(ServletRequest.class, "setAttribute", String.class, Object.class)
        .check(CLASSES);
  }

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

package dev.plumbline.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.plumbline.core.model.ResourceId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the module arrows of DESIGN.md: core knows nothing of the modules built on it. */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        // The modules arrive as class folders or, in a reactor build, as plumbline-*.jar files.
        .withImportOption(location -> !location.isJar() || location.contains("/plumbline-") && !location.contains("-tests.jar"))
        .importPackages("dev.plumbline");
  }

  @Test
  void everyModuleIsImported() {
    for (String module : new String[] {"core", "rules", "reports", "cli"}) {
      org.assertj.core.api.Assertions.assertThat(classes.stream()
          .anyMatch(c -> c.getPackageName().startsWith("dev.plumbline." + module)))
          .as("classes of module %s were imported", module).isTrue();
    }
  }

  @Test
  void coreDependsOnNoOtherModule() {
    noClasses().that().resideInAPackage("dev.plumbline.core..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "dev.plumbline.rules..", "dev.plumbline.reports..", "dev.plumbline.cli..", "dev.plumbline.junit..")
        .check(classes);
  }

  @Test
  void rulesDependOnlyOnCore() {
    noClasses().that().resideInAPackage("dev.plumbline.rules..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.plumbline.reports..", "dev.plumbline.cli..", "dev.plumbline.junit..")
        .check(classes);
  }

  @Test
  void reportsDependOnlyOnCore() {
    noClasses().that().resideInAPackage("dev.plumbline.reports..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.plumbline.rules..", "dev.plumbline.cli..", "dev.plumbline.junit..")
        .check(classes);
  }

  @Test
  void reportsKnowNothingOfAzureClients() {
    noClasses().that().resideInAPackage("dev.plumbline.reports..")
        .should().dependOnClassesThat().resideInAnyPackage("com.azure..")
        .check(classes);
  }

  @Test
  void junitDoesNotDependOnTheCommandLine() {
    noClasses().that().resideInAPackage("dev.plumbline.junit..")
        .should().dependOnClassesThat().resideInAPackage("dev.plumbline.cli..")
        // The junit module has no classes yet; the rule stands ready for when it has.
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void rulesResolveRelationshipsThroughTheModelNotByParsingIds() {
    noClasses().that().resideInAPackage("dev.plumbline.rules..")
        .should().callMethod(ResourceId.class, "parse", String.class)
        .orShould().callMethod(ResourceId.class, "tryParse", String.class)
        .because("the topology resolves every reference once; a rule that parses ids re-does it, differently")
        .check(classes);
  }

  @Test
  void modulesAreFreeOfCycles() {
    slices().matching("dev.plumbline.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void coreLayersLoadAndModelBelowTheEngine() {
    noClasses().that().resideInAnyPackage("dev.plumbline.core.model..", "dev.plumbline.core.load..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.plumbline.core.rule..", "dev.plumbline.core.engine..")
        .check(classes);
    noClasses().that().resideInAPackage("dev.plumbline.core.model..")
        .should().dependOnClassesThat().resideInAPackage("dev.plumbline.core.load..")
        .check(classes);
  }
}

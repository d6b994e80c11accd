package org.automlzero;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layer rules beyond core's Spark-freedom (CoreIsSparkFreeTest): core depends on nothing
 * else of the project; the task store only on core, and never on Spark; the command line sits
 * on top and nothing imports it; the top-level packages form no cycle.
 */
class LayersTest {
  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.automlzero");

  @Test
  void coreDependsOnNothingElseOfTheProject() {
    noClasses().that().resideInAPackage("org.automlzero.core..")
        .should().dependOnClassesThat().resideInAnyPackage("org.automlzero.store..", "org.automlzero.spark..",
            "org.automlzero.dataprep..", "org.automlzero.runs..", "org.automlzero.cli..")
        .check(MAIN);
  }

  @Test
  void theStoreDependsOnlyOnCoreAndNeverOnSpark() {
    noClasses().that().resideInAPackage("org.automlzero.store..")
        .should().dependOnClassesThat().resideInAnyPackage("org.automlzero.spark..", "org.automlzero.dataprep..",
            "org.automlzero.runs..", "org.automlzero.cli..", "org.apache.spark..", "scala..")
        .check(MAIN);
  }

  @Test
  void nothingBelowTheCommandLineImportsIt() {
    noClasses().that().resideInAnyPackage("org.automlzero.core..", "org.automlzero.store..",
            "org.automlzero.spark..", "org.automlzero.dataprep..", "org.automlzero.runs..")
        .should().dependOnClassesThat().resideInAPackage("org.automlzero.cli..")
        .check(MAIN);
  }

  @Test
  void topLevelPackagesFormNoCycle() {
    slices().matching("org.automlzero.(*)..").should().beFreeOfCycles().check(MAIN);
  }
}

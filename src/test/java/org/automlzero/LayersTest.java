package org.automlzero;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The layer rules beyond core's Spark-freedom (CoreIsSparkFreeTest): core depends on nothing
 * else of the project; the task store only on core, and never on Spark; the commands that run
 * without Spark never reach into the Spark layer; the command line sits on top and nothing
 * imports it; the top-level packages form no cycle.
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

  /** The subcommands that run in this JVM without a Spark session, and the helpers they share. */
  private static final List<String> SPARK_FREE_COMMANDS = List.of("SearchLocalCommand", "EvaluateCommand",
      "ExportCommand", "ReportCommand", "CompletionCommand", "RunOutputs", "RunSimplification", "TaskListFitness");

  @Test
  void sparkFreeCommandsNeverTouchTheSparkLayer() {
    for (String name : SPARK_FREE_COMMANDS) {
      assertThat(MAIN.contain("org.automlzero.cli." + name)).as("class cli." + name + " (renamed?)").isTrue();
    }
    noClasses().that().haveNameMatching("org\\.automlzero\\.cli\\.(" + String.join("|", SPARK_FREE_COMMANDS)
            + ")(\\$.*)?")
        .should().dependOnClassesThat().resideInAnyPackage("org.automlzero.spark..", "org.apache.spark..", "scala..")
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

package org.automlzero.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The core must run without Spark or Hadoop: nothing in it may depend on them. */
class CoreIsSparkFreeTest {
  @Test
  void coreDependsNeitherOnSparkNorHadoop() {
    JavaClasses core = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.automlzero.core");
    noClasses().that().resideInAPackage("org.automlzero.core..")
        .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "org.apache.hadoop..",
            "org.apache.parquet..", "scala..", "org.automlzero.spark..", "org.automlzero.dataprep..",
            "org.automlzero.cli..")
        .check(core);
  }
}

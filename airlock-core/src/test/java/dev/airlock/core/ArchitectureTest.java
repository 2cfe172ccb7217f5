package dev.airlock.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The pipeline's package boundaries, kept true by the build. */
class ArchitectureTest {
  private static final JavaClasses CORE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.airlock.core");

  @Test
  void coreIsPure() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.sql..", "java.net..", "javax.sql..", "picocli..")
        .check(CORE);
    noClasses().should().accessField(System.class, "out").check(CORE);
    noClasses().should().accessField(System.class, "err").check(CORE);
    noClasses().should().callMethod(System.class, "exit", int.class).check(CORE);
  }

  @Test
  void rulesNeverSeeSyntax() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.airlock.core.rules..", "dev.airlock.core.rule..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.airlock.core.sql..", "dev.airlock.core.source..", "dev.airlock.core.report..")
        .check(CORE);
  }

  @Test
  void operationsDependOnNothingDownstream() {
    noClasses()
        .that()
        .resideInAPackage("dev.airlock.core.operation..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.airlock.core.sql..",
            "dev.airlock.core.rule..",
            "dev.airlock.core.rules..",
            "dev.airlock.core.finding..",
            "dev.airlock.core.report..",
            "dev.airlock.core.check..")
        .check(CORE);
  }

  @Test
  void frontendsDoNotKnowRulesOrReports() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.airlock.core.sql..", "dev.airlock.core.frontend..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.airlock.core.rule..", "dev.airlock.core.rules..", "dev.airlock.core.report..", "dev.airlock.core.check..")
        .check(CORE);
  }
}

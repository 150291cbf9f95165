package dev.relplan;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.Arrays;
import java.util.List;

/**
 * The stages' direction: discover → parse → adapt → model → rules → assess → report (beside it
 * generate and portfolio), composed by pipeline and cli. A layer may use only the layers below it,
 * and no package takes part in a cycle.
 */
@AnalyzeClasses(packages = "dev.relplan", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  /**
   * Bottom to top: each layer's packages. The format adapters and their shared contract form one
   * layer.
   */
  private static final List<List<String>> LAYERS =
      List.of(
          List.of("source"),
          List.of("model"),
          List.of("parse"),
          List.of("discover"),
          List.of("adapt", "iac", "code", "suppress"),
          List.of("rules"),
          List.of("assess"),
          List.of("report", "generate", "portfolio"),
          List.of("pipeline"),
          List.of("cli", "mcp"));

  @ArchTest static final ArchRule layersUseOnlyTheLayersBelowThem = layered();

  @ArchTest
  static final ArchRule modelKnowsNoFormatNorLaterStage =
      noClasses()
          .that()
          .resideInAPackage("dev.relplan.model..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              packages(
                  "parse",
                  "discover",
                  "adapt",
                  "iac",
                  "code",
                  "rules",
                  "assess",
                  "report",
                  "pipeline",
                  "cli",
                  "mcp"))
          .because(
              "the workload model is format-free and knows nothing of how it is filled or judged");

  @ArchTest
  static final ArchRule rulesReadOnlyTheModel =
      noClasses()
          .that()
          .resideInAPackage("dev.relplan.rules..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(packages("parse", "discover", "adapt", "iac", "code"))
          .because("rules judge the model, whatever format it came from");

  @ArchTest
  static final ArchRule adaptersDoNotJudge =
      noClasses()
          .that()
          .resideInAnyPackage(packages("adapt", "iac", "code"))
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(packages("rules", "assess", "report", "pipeline", "cli"))
          .because("adapters fill the model; judging it is the rules' job");

  @ArchTest
  static final ArchRule adapterContractNamesNoFormat =
      noClasses()
          .that()
          .resideInAPackage("dev.relplan.adapt..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(packages("iac", "code"))
          .because("formats implement the contract; the list of them lives in the pipeline");

  /** Formats share code only through iac.common: one format never reaches into another. */
  @ArchTest
  static final ArchRule formatsAreIndependent =
      slices()
          .matching("dev.relplan.iac.(*)..")
          .should()
          .notDependOnEachOther()
          .ignoreDependency(alwaysTrue(), resideInAPackage("dev.relplan.iac.common.."));

  /**
   * Infrastructure and application code meet in the model (a function's handler and code folder),
   * not in each other.
   */
  @ArchTest
  static final ArchRule iacDoesNotUseCode =
      noClasses()
          .that()
          .resideInAPackage("dev.relplan.iac..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.relplan.code..");

  @ArchTest
  static final ArchRule codeDoesNotUseIac =
      noClasses()
          .that()
          .resideInAPackage("dev.relplan.code..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.relplan.iac..");

  @ArchTest
  static final ArchRule stagesAreFreeOfCycles =
      slices().matching("dev.relplan.(*)..").should().beFreeOfCycles();

  /** One level deeper: iac.cloudformation, code.java, rules.recovery, parse.hcl, … */
  @ArchTest
  static final ArchRule subpackagesAreFreeOfCycles =
      slices().matching("dev.relplan.(*).(*)..").should().beFreeOfCycles();

  private static ArchRule layered() {
    LayeredArchitecture arch =
        Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers();
    for (List<String> layer : LAYERS)
      arch = arch.layer(name(layer)).definedBy(packages(layer.toArray(String[]::new)));
    for (int i = 0; i < LAYERS.size(); i++) {
      List<String> above =
          LAYERS.subList(i + 1, LAYERS.size()).stream().map(ArchitectureTest::name).toList();
      String layer = name(LAYERS.get(i));
      arch =
          above.isEmpty()
              ? arch.whereLayer(layer).mayNotBeAccessedByAnyLayer()
              : arch.whereLayer(layer).mayOnlyBeAccessedByLayers(above.toArray(String[]::new));
    }
    return arch;
  }

  private static String name(List<String> layer) {
    return String.join("+", layer);
  }

  private static String[] packages(String... names) {
    return Arrays.stream(names).map(n -> "dev.relplan." + n + "..").toArray(String[]::new);
  }
}

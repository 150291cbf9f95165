package dev.relplan.cli;

import static dev.relplan.cli.CliTest.assertUsageError;
import static dev.relplan.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code environments:} in relplan.yaml with --environment NAME: the chosen environment's
 * parameter, variable and values files are read (relative to relplan.yaml), the options' own files
 * add to them and win, and every mistake is a one-line input error naming relplan.yaml.
 */
class ConfigEnvironmentsTest {
  private static final String TERRAFORM = "examples/terraform-shop";
  private static final String ORDERS = "examples/orders-platform";
  private static final String HELM = "examples/k8s-helm-shop";
  private static final String TFVARS_ENVIRONMENTS =
      "environments:\n"
          + "  prod:\n"
          + "    varFiles: [tf/prod.tfvars]\n"
          + "  staging:\n"
          + "    varFiles: tf/staging.tfvars\n";

  @TempDir Path dir;

  /** relplan.yaml in a folder of its own, with copies of the given example files under it. */
  private Path config(String yaml, String... copyThenAs) throws IOException {
    Path folder = Files.createDirectories(dir.resolve("settings"));
    for (int i = 0; i < copyThenAs.length; i += 2) {
      Path to = folder.resolve(copyThenAs[i + 1]);
      Files.createDirectories(to.getParent());
      Files.copy(Path.of(copyThenAs[i]), to);
    }
    return Files.writeString(folder.resolve("relplan.yaml"), yaml);
  }

  private Path terraformConfig() throws IOException {
    return config(
        TFVARS_ENVIRONMENTS,
        TERRAFORM + "/prod.tfvars",
        "tf/prod.tfvars",
        TERRAFORM + "/staging.tfvars",
        "tf/staging.tfvars");
  }

  private static CliTest.Result assess(String path, Path config, String... extra) {
    List<String> args =
        new ArrayList<>(List.of("assess", path, "--format", "json", "--config", config.toString()));
    args.addAll(List.of(extra));
    return run(args.toArray(String[]::new));
  }

  private static List<String> resources(CliTest.Result r, String rule) throws IOException {
    assertThat(r.code()).as(r.err()).isZero();
    List<String> out = new ArrayList<>();
    for (JsonNode f : r.json().path("findings"))
      if (f.path("rule").asText().equals(rule)) out.add(f.path("resource").asText());
    return out;
  }

  @Test
  void chosenEnvironmentsVariableFilesAreRead() throws IOException {
    Path config = terraformConfig();
    assertThat(resources(assess(TERRAFORM, config, "--environment", "staging"), "REL-DB-SINGLE-AZ"))
        .contains("aws_db_instance.orders");
    assertThat(resources(assess(TERRAFORM, config, "--environment", "prod"), "REL-DB-SINGLE-AZ"))
        .doesNotContain("aws_db_instance.orders");
  }

  @Test
  void chosenEnvironmentsFilesAreNamedInTheNotes() throws IOException {
    CliTest.Result r = assess(TERRAFORM, terraformConfig(), "--environment", "staging");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.json().path("workload").path("notes").toString())
        .contains("Terraform variable values from")
        .contains("tf/staging.tfvars");
  }

  @Test
  void chosenEnvironmentIsRecordedInTheReport() throws IOException {
    CliTest.Result r = assess(TERRAFORM, terraformConfig(), "--environment", "staging");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.json().path("workload").path("environment").asText()).isEqualTo("staging");
  }

  @Test
  void withoutTheOptionNoEnvironmentsFilesAreRead() throws IOException {
    CliTest.Result r = assess(TERRAFORM, terraformConfig());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.json().path("workload").path("notes").toString()).doesNotContain("tf/");
    assertThat(r.json().path("workload").path("environment").isNull()).isTrue();
  }

  @Test
  void varFileOptionAddsToTheEnvironmentsFilesAndWins() throws IOException {
    CliTest.Result r =
        assess(
            TERRAFORM,
            terraformConfig(),
            "--environment",
            "prod",
            "--var-file",
            TERRAFORM + "/staging.tfvars");
    assertThat(resources(r, "REL-DB-SINGLE-AZ")).contains("aws_db_instance.orders");
  }

  @Test
  void chosenEnvironmentsParameterFilesAreRead() throws IOException {
    Path config =
        config(
            "environments:\n  staging:\n    parameters: [staging.json]\n",
            ORDERS + "/params/staging.json",
            "staging.json");
    assertThat(resources(assess(ORDERS, config, "--environment", "staging"), "REL-DB-SINGLE-AZ"))
        .contains("OrdersDatabase");
  }

  @Test
  void chosenEnvironmentsHelmValuesAreRead() throws IOException {
    Path config =
        config(
            "environments:\n  prod:\n    values: [values-prod.yaml]\n",
            HELM + "/values-prod.yaml",
            "values-prod.yaml");
    assertThat(
            resources(assess(HELM, config, "--environment", "prod"), "REL-POD-DISRUPTION-BUDGET"))
        .contains("Deployment/cart");
  }

  @Test
  void generateAcceptsTheEnvironmentOption() throws IOException {
    Path out = dir.resolve("fixes");
    CliTest.Result r =
        run(
            "generate",
            "fixes",
            TERRAFORM,
            "--config",
            terraformConfig().toString(),
            "--environment",
            "staging",
            "-o",
            out.toString());
    assertThat(r.code()).as(r.err()).isIn(0, 1);
    assertThat(r.err()).doesNotContain("--environment");
  }

  @Test
  void environmentNotDefinedIsAnInputErrorListingTheDefinedOnes() throws IOException {
    assertUsageError(
        assess(TERRAFORM, terraformConfig(), "--environment", "dev"),
        "--environment 'dev' is not defined in",
        "relplan.yaml",
        "(defined: prod, staging)");
  }

  @Test
  void environmentWithoutAnyConfigIsAnInputError() throws IOException {
    Path repo = Files.createDirectories(dir.resolve("repo"));
    Files.copy(Path.of(TERRAFORM, "data.tf"), repo.resolve("data.tf"));
    assertUsageError(
        run("assess", repo.toString(), "--environment", "prod"),
        "--environment 'prod' needs a relplan.yaml with environments");
  }

  @Test
  void missingFileOfTheEnvironmentIsAnInputErrorNamingTheConfig() throws IOException {
    Path config = config("environments:\n  prod:\n    varFiles: [gone.tfvars]\n");
    assertUsageError(
        assess(TERRAFORM, config, "--environment", "prod"),
        "gone.tfvars",
        "of environment 'prod'",
        "relplan.yaml",
        "does not exist");
  }

  @Test
  void unknownSettingInAnEnvironmentIsAnInputErrorWithItsLine() throws IOException {
    Path config = config("environments:\n  prod:\n    tfvars: [prod.tfvars]\n");
    assertUsageError(
        assess(TERRAFORM, config),
        "relplan.yaml:3",
        "unknown setting 'tfvars' in environment 'prod'",
        "known: parameters, varFiles, values");
  }

  @Test
  void environmentsThatAreNotAMappingAreAnInputErrorWithTheirLine() throws IOException {
    Path config = config("workload: shop\nenvironments: [prod, staging]\n");
    assertUsageError(assess(TERRAFORM, config), "relplan.yaml:2", "environments must be a mapping");
  }

  @Test
  void fileEntryThatIsNotANameIsAnInputErrorWithItsLine() throws IOException {
    Path config = config("environments:\n  prod:\n    varFiles:\n      - {a: b}\n");
    assertUsageError(
        assess(TERRAFORM, config),
        "relplan.yaml:3",
        "varFiles of environment 'prod' must be a file name or a list of file names");
  }
}

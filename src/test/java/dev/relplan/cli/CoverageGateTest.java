package dev.relplan.cli;

import static dev.relplan.cli.CliTest.assertUsageError;
import static dev.relplan.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.cli.CliTest.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --fail-on incomplete: exit 1 when something the IaC refers to could not be read. */
class CoverageGateTest {
  @TempDir Path tmp;
  Path root;
  String report;

  @BeforeEach
  void layout() throws IOException {
    root = Files.createDirectories(tmp.resolve("root"));
    Path outside = Files.createDirectories(tmp.resolve("outside-module"));
    Files.writeString(outside.resolve("main.tf"), "resource \"aws_sqs_queue\" \"q\" {}\n");
    report = tmp.resolve("plan.md").toString();
  }

  private void mainTf(String content) throws IOException {
    Files.writeString(root.resolve("main.tf"), content);
  }

  private static final String OUTSIDE_CALL =
      "module \"app\" {\n  source = \"../outside-module\"\n}\n";

  @Test
  void anOutsideModuleTripsTheGateWithOneLine() throws IOException {
    mainTf(OUTSIDE_CALL);
    Result r = run("assess", root.toString(), "--fail-on", "incomplete", "-o", report);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "relplan: --fail-on incomplete: 1 module could not be read (see the coverage appendix)"
                + System.lineSeparator());
  }

  @Test
  void aCompleteScanDoesNotTripTheGate() throws IOException {
    mainTf("resource \"aws_sqs_queue\" \"jobs\" {}\n");
    Result r = run("assess", root.toString(), "--fail-on", "incomplete", "-o", report);
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
  }

  @Test
  void anOutsideModuleWithoutTheGateExitsZero() throws IOException {
    mainTf(OUTSIDE_CALL + "resource \"aws_sqs_queue\" \"jobs\" {}\n");
    Result r = run("assess", root.toString(), "-o", report);
    assertThat(r.code()).isZero();
  }

  @Test
  void aRiskLevelAloneDoesNotFailOnIncompleteCoverage() throws IOException {
    mainTf(OUTSIDE_CALL);
    Result r = run("assess", root.toString(), "--fail-on", "low", "-o", report);
    assertThat(r.code()).isZero();
  }

  @Test
  void levelAndIncompleteCombineOnOneLine() throws IOException {
    mainTf(OUTSIDE_CALL + "resource \"aws_instance\" \"web\" {\n  ami = \"ami-1\"\n}\n");
    Result r = run("assess", root.toString(), "--fail-on", "low,incomplete", "-o", report);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.errLines())
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .startsWith("relplan: --fail-on low: ")
                    .contains("; --fail-on incomplete: 1 module could not be read"));
  }

  @Test
  void anUnknownValueNamesIncompleteAmongTheChoices() throws IOException {
    mainTf(OUTSIDE_CALL);
    assertUsageError(
        run("assess", root.toString(), "--fail-on", "partial"),
        "--fail-on 'partial'",
        "incomplete");
  }
}

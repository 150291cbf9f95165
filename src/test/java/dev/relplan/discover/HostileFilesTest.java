package dev.relplan.discover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relplan.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tiny hostile files that used to end the whole run (a huge string built by a 255-byte .tf, deep or
 * long Java expressions, a chain of CloudFormation conditions, a file that takes too long): the run
 * completes, the file is listed among the skipped files with its reason or read within the
 * evaluators' limits, and the valid template beside it is still assessed.
 */
class HostileFilesTest {
  @TempDir Path repo;
  @TempDir Path outDir;

  private JsonNode assess(String name, String content) throws IOException {
    Files.writeString(repo.resolve("template.yaml"), HostileInputTest.VALID_TEMPLATE);
    Files.writeString(repo.resolve(name), content);
    Path out = outDir.resolve("report.json");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream oldErr = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    int code;
    try {
      code =
          assertTimeoutPreemptively(
              Duration.ofSeconds(120),
              () ->
                  Main.execute(
                      "assess", repo.toString(), "--format", "json", "-o", out.toString()));
    } finally {
      System.setErr(oldErr);
    }
    assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("internal error");
    assertThat(code).as("exit code").isZero();
    JsonNode report = HostileInputTest.MAPPER.readTree(Files.readString(out));
    List<String> dbFindings = new ArrayList<>();
    for (JsonNode f : report.get("findings"))
      if (f.get("rule").asText().equals("REL-DB-SINGLE-AZ"))
        dbFindings.add(f.get("resource").asText());
    assertThat(dbFindings).as("finding of the valid template").containsExactly("OrdersDb");
    return report;
  }

  private static String reasonFor(JsonNode report, String file) {
    for (JsonNode s : report.get("skippedFiles"))
      if (s.get("file").asText().equals(file)) return s.get("reason").asText();
    return null;
  }

  private static String huge(String expression) {
    return "locals {\n  a = join(\"\", [for i in range(1000) : \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"])\n  b = "
        + expression
        + "\n}\nresource \"aws_sqs_queue\" \"q\" {\n  name = substr(local.b, 0, 5)\n}\n";
  }

  @Test
  void joinBuildingAHugeStringStopsBeforeBuildingIt() throws IOException {
    JsonNode report = assess("huge.tf", huge("join(local.a, [for i in range(1000) : local.a])"));
    assertThat(reasonFor(report, "huge.tf")).isNull();
  }

  @Test
  void formatBuildingAHugeStringStopsBeforeBuildingIt() throws IOException {
    assess(
        "huge.tf",
        huge(
            "[for i in range(1000) : format(\"%s%s%s%s%s%s%s%s\", local.a, local.a, local.a,"
                + " local.a, local.a, local.a, local.a, local.a)]"));
  }

  @Test
  void jsonencodeBuildingAHugeStringStopsBeforeBuildingIt() throws IOException {
    assess(
        "huge.tf", huge("jsonencode([for i in range(1000) : [for j in range(1000) : local.a]])"));
  }

  @Test
  void javaWith600NestedParenthesesIsRead() throws IOException {
    JsonNode report =
        assess(
            "src/main/java/Deep.java".replace("src/main/java/", ""),
            "class Deep { int x = " + "(".repeat(600) + "1" + ")".repeat(600) + "; }\n");
    assertThat(reasonFor(report, "Deep.java")).isNull();
  }

  @Test
  void javaOf4000ConcatenatedStringsCompletes() throws IOException {
    assess("Concat.java", "class Concat { String s = " + "\"a\" + ".repeat(4000) + "\"b\"; }\n");
  }

  @Test
  void chainOf2000ConditionsIsCannotDetermineNotAStackOverflow() throws IOException {
    StringBuilder t = new StringBuilder("AWSTemplateFormatVersion: \"2010-09-09\"\nConditions:\n");
    t.append("  C0: !Equals [a, a]\n");
    for (int i = 1; i < 2000; i++)
      t.append("  C").append(i).append(": !Condition C").append(i - 1).append('\n');
    t.append("Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Condition: C1999\n");
    JsonNode report = assess("chain.yaml", t.toString());
    assertThat(reasonFor(report, "chain.yaml")).isNull();
  }

  @Test
  void deepPythonExpressionCompletes() throws IOException {
    assess("deep.py", "import requests\nx = " + "(".repeat(5000) + "1" + ")".repeat(5000) + "\n");
  }

  @Test
  void deepJavaScriptExpressionCompletes() throws IOException {
    assess("deep.js", "const x = " + "[".repeat(5000) + "1" + "]".repeat(5000) + ";\n");
  }

  @Test
  void fileOverTheTimeBudgetIsListedWithTheBudget() throws IOException {
    Files.writeString(repo.resolve("relplan.yaml"), "limits:\n  fileSeconds: 0.2\n");
    JsonNode report =
        assess(
            "slow.tf",
            "locals {\n  x = [for i in range(1000) : length([for j in range(1000) : \"${i}-${j}\"])]\n"
                + "  y = [for i in range(1000) : length([for j in range(1000) : \"${j}-${i}\"])]\n}\n"
                + "resource \"aws_sqs_queue\" \"q\" {\n  name = sum(local.x) + sum(local.y)\n}\n");
    assertThat(reasonFor(report, "slow.tf"))
        .isEqualTo("stopped after the per-file time budget of 0.2 s");
  }

  @Test
  void jsonFileOverTheMemoryBudgetIsNotParsed() throws IOException {
    Files.writeString(repo.resolve("relplan.yaml"), "limits:\n  fileMemoryMb: 1\n");
    JsonNode report = assess("data.json", "[" + "1,".repeat(100_000) + "1]");
    assertThat(reasonFor(report, "data.json"))
        .startsWith("not parsed: its tree would take about")
        .endsWith("over the per-file memory budget of 1 MiB");
  }

  @Test
  void serverlessVariablesDoublingAStringForFortyLevelsComplete() throws IOException {
    StringBuilder t = new StringBuilder("service: orders\nprovider:\n  name: aws\ncustom:\n");
    t.append("  v0: ").append("x".repeat(64)).append('\n');
    for (int i = 1; i <= 40; i++)
      t.append("  v")
          .append(i)
          .append(": ${self:custom.v")
          .append(i - 1)
          .append("}${self:custom.v")
          .append(i - 1)
          .append("}\n");
    t.append("functions:\n  api:\n    handler: app.handler\n    description: ${self:custom.v40}\n");
    assess("serverless.yml", t.toString());
  }

  @Test
  void serverlessVariablesNestedFiveThousandDeepComplete() throws IOException {
    String nested = "${self:".repeat(5000) + "custom.a" + "}".repeat(5000);
    assess(
        "serverless.yml",
        "service: orders\nprovider:\n  name: aws\n  timeout: "
            + nested
            + "\ncustom:\n  a: ${self:custom.a}\nfunctions:\n  api:\n    handler: app.handler\n");
  }

  @Test
  void composeFileOfNestedAliasesIsListedNotExpanded() throws IOException {
    StringBuilder t = new StringBuilder("x0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i < 12; i++) {
      t.append("x").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 9; j++) t.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      t.append("]\n");
    }
    t.append("services:\n  api:\n    image: shop/api:1\n    command: *a11\n");
    JsonNode report = assess("compose.yaml", t.toString());
    assertThat(reasonFor(report, "compose.yaml")).isNotNull();
  }

  @Test
  void cdkStackWithADeeplyNestedExpressionCompletes() throws IOException {
    assess(
        "stack.ts",
        "import * as sqs from 'aws-cdk-lib/aws-sqs';\n"
            + "const depth = "
            + "[".repeat(5000)
            + "1"
            + "]".repeat(5000)
            + ";\nexport class S { constructor(scope: any) { new sqs.Queue(scope, 'Q', { visibilityTimeout: "
            + "(".repeat(3000)
            + "depth"
            + ")".repeat(3000)
            + " }); } }\n");
  }
}

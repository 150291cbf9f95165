package dev.relplan.discover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relplan.cli.Main;
import dev.relplan.parse.Limits;
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
 * A file that cannot be parsed never aborts the run (SPEC §1): it is listed in skippedFiles with a
 * reason, the valid template next to it is still analysed, and the command exits 0. Every hostile
 * file is written by the test itself.
 */
class HostileInputTest {
  static final ObjectMapper MAPPER = new ObjectMapper();

  /** A valid template that yields a REL-DB-SINGLE-AZ finding for OrdersDb. */
  static final String VALID_TEMPLATE =
      """
      AWSTemplateFormatVersion: "2010-09-09"
      Resources:
        OrdersDb:
          Type: AWS::RDS::DBInstance
          Properties:
            Engine: postgres
            DBInstanceClass: db.t3.medium
            AllocatedStorage: "20"
            MultiAZ: false
      """;

  @TempDir Path repo;
  @TempDir Path outDir;

  /** What one CLI run produced. */
  record Run(int exitCode, JsonNode report, String stderr) {
    JsonNode skipped(String file) {
      for (JsonNode s : report.get("skippedFiles"))
        if (s.get("file").asText().equals(file)) return s;
      return null;
    }

    String reasonFor(String file) {
      JsonNode s = skipped(file);
      assertThat(s).as(file + " in skippedFiles " + report.get("skippedFiles")).isNotNull();
      String reason = s.get("reason").asText();
      assertThat(reason)
          .as("reason for " + file)
          .isNotBlank()
          .doesNotContain("(line 0)")
          .doesNotContain("Exception");
      return reason;
    }

    List<String> findingsOf(String rule) {
      List<String> out = new ArrayList<>();
      for (JsonNode f : report.get("findings"))
        if (f.get("rule").asText().equals(rule)) out.add(f.get("resource").asText());
      return out;
    }
  }

  private Run assessWith(String hostileName, byte[] hostileBytes) throws IOException {
    Files.writeString(repo.resolve("template.yaml"), VALID_TEMPLATE, StandardCharsets.UTF_8);
    Files.write(repo.resolve(hostileName), hostileBytes);
    return assess();
  }

  private Run assess() throws IOException {
    Path out = outDir.resolve("report.json");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream oldErr = System.err;
    int code;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      code =
          assertTimeoutPreemptively(
              Duration.ofSeconds(30),
              () ->
                  Main.execute(
                      "assess", repo.toString(), "--format", "json", "-o", out.toString()));
    } finally {
      System.setErr(oldErr);
    }
    String stderr = err.toString(StandardCharsets.UTF_8);
    assertThat(stderr).as("stderr").doesNotContain("internal error");
    assertThat(out).as("report written").exists();
    return new Run(code, MAPPER.readTree(Files.readString(out, StandardCharsets.UTF_8)), stderr);
  }

  private static void assertValidTemplateStillAnalysed(Run run) {
    assertThat(run.exitCode()).as("exit code").isZero();
    assertThat(run.findingsOf("REL-DB-SINGLE-AZ"))
        .as("finding from the valid template")
        .containsExactly("OrdersDb");
    assertThat(run.skipped("template.yaml")).as("the valid template is not skipped").isNull();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void malformedYamlIsSkippedWithTheLineOfTheError() throws IOException {
    Run run =
        assessWith(
            "broken.yaml",
            utf8(
                "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  Bad:\n    Type: [AWS::SQS::Queue\n    Properties: {}\n"));
    assertThat(run.reasonFor("broken.yaml"))
        .startsWith("invalid YAML")
        .containsPattern("line \\d+");
    assertValidTemplateStillAnalysed(run);
  }

  @Test
  void yamlAliasBombIsSkippedWithoutExpandingIt() throws IOException {
    StringBuilder y =
        new StringBuilder(
            "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'i'; c++) {
      String prev = "*" + (char) (c - 1);
      y.append(c)
          .append(": &")
          .append(c)
          .append(" [")
          .append(String.join(",", java.util.Collections.nCopies(9, prev)))
          .append("]\n");
    }
    Run run = assessWith("bomb.yaml", utf8(y.toString()));
    assertThat(run.reasonFor("bomb.yaml"))
        .startsWith("invalid YAML")
        .contains("alias bomb")
        .containsPattern("\\(line [1-9]\\d*\\)");
    assertValidTemplateStillAnalysed(run);
  }

  @Test
  void yamlWithTooManyAliasesIsSkipped() throws IOException {
    StringBuilder y = new StringBuilder("base: &b {x: 1}\nitems:\n");
    for (int i = 0; i < 1000; i++) y.append("  - *b\n");
    Run run = assessWith("aliases.yaml", utf8(y.toString()));
    assertThat(run.reasonFor("aliases.yaml"))
        .contains("more than")
        .contains("aliases")
        .containsPattern("\\(line [1-9]\\d*\\)");
    assertValidTemplateStillAnalysed(run);
  }

  @Test
  void deeplyNestedYamlIsSkippedWithoutStackOverflow() throws IOException {
    Run run = assessWith("deep.yaml", utf8("x: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n"));
    assertThat(run.reasonFor("deep.yaml"))
        .contains("nests deeper than 128 levels")
        .contains("(line 1)");
    assertValidTemplateStillAnalysed(run);
  }

  @Test
  void deeplyNestedJsonIsSkippedWithoutStackOverflow() throws IOException {
    Run run = assessWith("deep.json", utf8("[".repeat(10_000) + "]".repeat(10_000)));
    assertThat(run.reasonFor("deep.json"))
        .contains("nests deeper than 128 levels")
        .contains("(line 1)")
        .doesNotContain("StreamReadConstraints");
    assertValidTemplateStillAnalysed(run);
  }

  @Test
  void unterminatedDeepNestingIsSkipped() throws IOException {
    Run run = assessWith("open.yaml", utf8("[".repeat(10_000)));
    assertThat(run.reasonFor("open.yaml")).containsPattern("\\(line [1-9]\\d*\\)");
    assertValidTemplateStillAnalysed(run);
  }

  @Test
  void binaryFileNamedYamlIsSkippedAsBinary() throws IOException {
    byte[] bytes = new byte[4096];
    for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) (i * 31);
    bytes[10] = 0;
    Run run = assessWith("x.yaml", bytes);
    assertThat(run.reasonFor("x.yaml")).isEqualTo("binary content, not text");
    assertValidTemplateStillAnalysed(run);
  }

  @Test
  void validUtf8WithNulBytesIsSkippedAsBinary() throws IOException {
    Run run =
        assessWith("nul.yaml", utf8("Resources:\n  A:\u0000\u0000\n    Type: AWS::SQS::Queue\n"));
    assertThat(run.reasonFor("nul.yaml")).isEqualTo("binary content, not text");
    assertValidTemplateStillAnalysed(run);
  }

  @Test
  void invalidUtf8JsonIsSkippedAsNotUtf8() throws IOException {
    byte[] bytes = {
      '{',
      '"',
      'R',
      'e',
      's',
      'o',
      'u',
      'r',
      'c',
      'e',
      's',
      '"',
      ':',
      '{',
      '"',
      (byte) 0xC3,
      (byte) 0x28,
      (byte) 0xFF,
      '"',
      ':',
      '1',
      '}',
      '}'
    };
    Run run = assessWith("bad.json", bytes);
    assertThat(run.reasonFor("bad.json")).isEqualTo("not valid UTF-8 text");
    assertValidTemplateStillAnalysed(run);
  }

  @Test
  void jsonWithDuplicateKeysIsSkippedNamingBothLines() throws IOException {
    String json =
        """
        {
          "AWSTemplateFormatVersion": "2010-09-09",
          "Resources": {
            "Queue": {"Type": "AWS::SQS::Queue"},
            "Queue": {"Type": "AWS::SNS::Topic"}
          }
        }
        """;
    Run run = assessWith("dup.json", utf8(json));
    assertThat(run.reasonFor("dup.json"))
        .contains("duplicate key 'Queue'")
        .contains("line 5")
        .contains("first at line 4");
    assertValidTemplateStillAnalysed(run);
  }

  @Test
  void yamlWithDuplicateKeysIsSkippedNamingBothLines() throws IOException {
    String yaml =
        """
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Queue:
            Type: AWS::SQS::Queue
          Topic:
            Type: AWS::SNS::Topic
          Queue:
            Type: AWS::SQS::Queue
        """;
    Run run = assessWith("dup.yaml", utf8(yaml));
    assertThat(run.reasonFor("dup.yaml"))
        .contains("duplicate key 'Queue'")
        .contains("line 7")
        .contains("first at line 3");
    assertValidTemplateStillAnalysed(run);
  }

  @Test
  void yamlWithNonScalarKeyIsSkipped() throws IOException {
    Run run =
        assessWith("complexkey.yaml", utf8("Resources:\n  ? [a, b]\n  : Type: AWS::SQS::Queue\n"));
    assertThat(run.reasonFor("complexkey.yaml"))
        .contains("keys must be scalars")
        .contains("(line 2)");
    assertValidTemplateStillAnalysed(run);
  }

  @Test
  void yamlAliasWithoutAnchorIsSkipped() throws IOException {
    Run run = assessWith("noanchor.yaml", utf8("Resources:\n  A: *missing\n"));
    assertThat(run.reasonFor("noanchor.yaml")).contains("*missing").contains("(line 2)");
    assertValidTemplateStillAnalysed(run);
  }

  @Test
  void jsonWithTrailingContentIsSkipped() throws IOException {
    Run run = assessWith("trailing.json", utf8("{\"a\": 1}\n{\"b\": 2}\n"));
    assertThat(run.reasonFor("trailing.json")).contains("(line 2)");
    assertValidTemplateStillAnalysed(run);
  }

  @Test
  void emptyFilesAreNeitherAnalysedNorFatal() throws IOException {
    Run run = assessWith("empty.yaml", new byte[0]);
    Files.write(repo.resolve("empty.json"), new byte[0]);
    run = assess();
    assertThat(run.reasonFor("empty.json")).contains("empty");
    assertValidTemplateStillAnalysed(run);
  }

  @Test
  void symbolicLinkOutsideTheScannedPathIsNotFollowed(@TempDir Path outside) throws IOException {
    Path secret = outside.resolve("secret.yaml");
    Files.writeString(
        secret, VALID_TEMPLATE.replace("OrdersDb", "OutsideDb"), StandardCharsets.UTF_8);
    Files.writeString(repo.resolve("template.yaml"), VALID_TEMPLATE, StandardCharsets.UTF_8);
    try {
      Files.createSymbolicLink(repo.resolve("link.yaml"), secret);
    } catch (UnsupportedOperationException | IOException e) {
      org.junit.jupiter.api.Assumptions.abort("symbolic links not supported here: " + e);
    }
    Run run = assess();
    assertThat(run.reasonFor("link.yaml")).contains("outside the scanned path");
    assertValidTemplateStillAnalysed(run);
  }

  @Test
  void severalHostileFilesTogetherAreAllListedAndSorted() throws IOException {
    Files.writeString(repo.resolve("template.yaml"), VALID_TEMPLATE, StandardCharsets.UTF_8);
    Files.write(repo.resolve("x.yaml"), new byte[] {0, 1, 2, 3});
    Files.write(repo.resolve("bad.json"), new byte[] {'{', (byte) 0xFF, '}'});
    Files.writeString(repo.resolve("broken.yaml"), "a: [\n", StandardCharsets.UTF_8);
    Run run = assess();
    List<String> files = new ArrayList<>();
    for (JsonNode s : run.report().get("skippedFiles")) files.add(s.get("file").asText());
    assertThat(files).containsExactly("bad.json", "broken.yaml", "x.yaml");
    assertValidTemplateStillAnalysed(run);
  }

  // ------------------------------------------------------------------ templates that parse but
  // refer to themselves

  private JsonNode undetermined(Run run, String rule, String resource) {
    for (JsonNode u : run.report().get("cannotDetermine")) {
      if (u.get("rule").asText().equals(rule) && u.get("resource").asText().equals(resource))
        return u;
    }
    return null;
  }

  @Test
  void parameterDefaultReferringToItselfIsCannotDetermine() throws IOException {
    String yaml =
        """
        AWSTemplateFormatVersion: "2010-09-09"
        Parameters:
          P:
            Type: String
            Default: !Ref P
        Resources:
          LoopDb:
            Type: AWS::RDS::DBInstance
            Properties:
              Engine: postgres
              MultiAZ: !Ref P
        """;
    Run run = assessWith("loop.yaml", utf8(yaml));
    JsonNode u = undetermined(run, "REL-DB-SINGLE-AZ", "LoopDb");
    assertThat(u).as("LoopDb is Cannot Determine").isNotNull();
    assertThat(u.get("reason").asText()).contains("parameter P refers to itself");
    assertValidTemplateStillAnalysed(run);
  }

  @Test
  void conditionsReferringToEachOtherAreCannotDetermine() throws IOException {
    String yaml =
        """
        AWSTemplateFormatVersion: "2010-09-09"
        Conditions:
          A: !Condition B
          B: !Not [!Condition A]
        Resources:
          LoopDb:
            Type: AWS::RDS::DBInstance
            Properties:
              Engine: postgres
              MultiAZ: !If [A, true, false]
        """;
    Run run = assessWith("loop.yaml", utf8(yaml));
    assertThat(undetermined(run, "REL-DB-SINGLE-AZ", "LoopDb"))
        .as("LoopDb is Cannot Determine")
        .isNotNull();
    assertValidTemplateStillAnalysed(run);
  }

  @Test
  void exportsImportingEachOtherAreCannotDetermine() throws IOException {
    String x =
        """
        AWSTemplateFormatVersion: "2010-09-09"
        Outputs:
          O:
            Value: !ImportValue y-out
            Export: {Name: x-out}
        Resources:
          LoopDb:
            Type: AWS::RDS::DBInstance
            Properties:
              Engine: postgres
              MultiAZ: !ImportValue x-out
        """;
    String y =
        """
        AWSTemplateFormatVersion: "2010-09-09"
        Outputs:
          O:
            Value: !ImportValue x-out
            Export: {Name: y-out}
        Resources:
          Q:
            Type: AWS::SQS::Queue
        """;
    Files.writeString(repo.resolve("y.yaml"), y, StandardCharsets.UTF_8);
    Run run = assessWith("x.yaml", utf8(x));
    JsonNode u = undetermined(run, "REL-DB-SINGLE-AZ", "LoopDb");
    assertThat(u).as("LoopDb is Cannot Determine").isNotNull();
    assertThat(u.get("reason").asText()).contains("cycle");
    assertValidTemplateStillAnalysed(run);
  }

  @Test
  void templatesNestingEachOtherAreStillAnalysed() throws IOException {
    String parent =
        """
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Child:
            Type: AWS::CloudFormation::Stack
            Properties:
              TemplateURL: child.yaml
          ParentDb:
            Type: AWS::RDS::DBInstance
            Properties:
              Engine: postgres
              MultiAZ: false
        """;
    String child =
        """
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Parent:
            Type: AWS::CloudFormation::Stack
            Properties:
              TemplateURL: parent.yaml
          ChildDb:
            Type: AWS::RDS::DBInstance
            Properties:
              Engine: postgres
              MultiAZ: false
        """;
    Files.writeString(repo.resolve("child.yaml"), child, StandardCharsets.UTF_8);
    Run run = assessWith("parent.yaml", utf8(parent));
    assertThat(run.findingsOf("REL-DB-SINGLE-AZ"))
        .as("each database once")
        .containsExactlyInAnyOrder("OrdersDb", "ParentDb", "ChildDb");
    assertThat(run.report().at("/workload/notes").toString()).contains("cycle");
    assertThat(run.exitCode()).isZero();
  }

  @Test
  void templateWithCrLineEndingsKeepsLinesAndSnippets() throws IOException {
    Files.writeString(
        repo.resolve("template.yaml"), VALID_TEMPLATE.replace("\n", "\r"), StandardCharsets.UTF_8);
    Run run = assess();
    assertValidTemplateStillAnalysed(run);
    JsonNode first = null;
    for (JsonNode f : run.report().get("findings"))
      if (f.get("rule").asText().equals("REL-DB-SINGLE-AZ")) first = f.get("evidence").get(0);
    assertThat(first.get("line").asInt()).isEqualTo(3);
    assertThat(first.get("snippet").asText()).isEqualTo("OrdersDb:");
  }

  @Test
  void symbolicLinkToAFifoIsSkippedWithoutBlocking() throws Exception {
    Files.writeString(repo.resolve("template.yaml"), VALID_TEMPLATE, StandardCharsets.UTF_8);
    Path fifo = repo.resolve("pipe");
    try {
      Process p = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
      org.junit.jupiter.api.Assumptions.assumeTrue(
          p.waitFor() == 0 && Files.exists(fifo), "mkfifo unavailable");
      Files.createSymbolicLink(repo.resolve("x.yaml"), fifo.getFileName());
    } catch (IOException | UnsupportedOperationException e) {
      org.junit.jupiter.api.Assumptions.abort("FIFOs or symbolic links not supported here: " + e);
    }
    Run run = assess();
    assertThat(run.reasonFor("x.yaml"))
        .contains("not a regular file")
        .doesNotContain("IOException");
    assertValidTemplateStillAnalysed(run);
  }

  @Test
  void symbolicLinkToADirectoryIsSkipped() throws IOException {
    Files.writeString(repo.resolve("template.yaml"), VALID_TEMPLATE, StandardCharsets.UTF_8);
    Files.createDirectories(repo.resolve("real"));
    try {
      Files.createSymbolicLink(repo.resolve("dir.yaml"), Path.of("real"));
    } catch (IOException | UnsupportedOperationException e) {
      org.junit.jupiter.api.Assumptions.abort("symbolic links not supported here: " + e);
    }
    Run run = assess();
    assertThat(run.reasonFor("dir.yaml")).contains("not a regular file");
    assertValidTemplateStillAnalysed(run);
  }

  @Test
  void fileLargerThanTheLimitIsSkippedUnread() throws IOException {
    Files.writeString(repo.resolve("template.yaml"), VALID_TEMPLATE, StandardCharsets.UTF_8);
    try (java.io.RandomAccessFile f =
        new java.io.RandomAccessFile(repo.resolve("huge.yaml").toFile(), "rw")) {
      f.setLength(Limits.MAX_FILE_BYTES + 1);
    }
    Run run = assess();
    assertThat(run.reasonFor("huge.yaml")).startsWith("larger than");
    assertValidTemplateStillAnalysed(run);
  }
}

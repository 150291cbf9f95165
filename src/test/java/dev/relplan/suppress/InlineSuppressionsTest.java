package dev.relplan.suppress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.Suppression;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Each format's suppressions as its own tokenizer reads them: where each is written and which
 * declaration lines it covers (an empty list: the whole file).
 */
class InlineSuppressionsTest {
  private static final Set<String> KNOWN = Set.of("REL-DB-SINGLE-AZ", "FT-SINGLE-AZ-DATABASE");

  private static InlineSuppressions.Result read(String name, String content) {
    SourceFile f = new SourceFile(Path.of(name), name, FileKind.OTHER, content, List.of());
    return InlineSuppressions.read(List.of(f), KNOWN::contains);
  }

  private static Suppression only(String name, String content) {
    InlineSuppressions.Result r = read(name, content);
    assertThat(r.problems()).isEmpty();
    assertThat(r.suppressions()).hasSize(1);
    return r.suppressions().get(0);
  }

  private static final String TEMPLATE_HEAD =
      """
      AWSTemplateFormatVersion: "2010-09-09"
      Resources:
      """;

  @Test
  void yamlCommentAboveAResourceCoversItsDeclarationLine() {
    Suppression s =
        only(
            "template.yaml",
            TEMPLATE_HEAD
                + """
                  # relplan:ignore REL-DB-SINGLE-AZ a dev copy until=2027-01-31
                  Db:
                    Type: AWS::RDS::DBInstance
                """);
    assertThat(s.location().line()).isEqualTo(3);
    assertThat(s.coversLine(4)).isTrue();
    assertThat(s.coversLine(5)).as("inside the block below").isTrue();
    assertThat(s.reason()).isEqualTo("a dev copy");
    assertThat(s.until()).hasToString("2027-01-31");
    assertThat(s.source()).isEqualTo(Suppression.Source.INLINE);
  }

  @Test
  void yamlCommentInsideAResourceBlockCoversTheResource() {
    Suppression s =
        only(
            "template.yaml",
            TEMPLATE_HEAD
                + """
                  Db:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      MultiAZ: false  # relplan:ignore FT-SINGLE-AZ-DATABASE reporting replica
                  Other:
                    Type: AWS::SQS::Queue
                """);
    assertThat(s.location().line()).isEqualTo(6);
    assertThat(s.coversLine(3)).isTrue();
    assertThat(s.coversLine(7)).isFalse();
  }

  @Test
  void yamlCommentOpeningTheFileAndSetApartByABlankLineCoversTheFile() {
    Suppression s =
        only(
            "template.yaml",
            "# relplan:ignore REL-DB-SINGLE-AZ whole stack is a sandbox\n\n" + TEMPLATE_HEAD);
    assertThat(s.fileLevel()).isTrue();
  }

  @Test
  void yamlMarkerInsideAStringIsNoSuppression() {
    InlineSuppressions.Result r =
        read(
            "template.yaml",
            TEMPLATE_HEAD
                + """
                  Db:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      DBName: "# relplan:ignore REL-DB-SINGLE-AZ inside a string"
                      Script: |
                        # relplan:ignore REL-DB-SINGLE-AZ inside a block scalar
                """);
    assertThat(r.suppressions()).isEmpty();
    assertThat(r.problems()).isEmpty();
  }

  @Test
  void kubernetesCommentAboveTheDocumentCoversTheObjectsKindLine() {
    Suppression s =
        only(
            "db.yaml",
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: a
            # relplan:ignore REL-DB-SINGLE-AZ single replica is fine here
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: db
            """);
    assertThat(s.coversLine(8)).isTrue();
    assertThat(s.coversLine(2)).as("the object before").isFalse();
  }

  @Test
  void kubernetesAnnotationCoversItsObject() {
    Suppression s =
        only(
            "db.yaml",
            """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: db
              annotations:
                relplan.dev/ignore: "REL-DB-SINGLE-AZ one replica in this cluster until=2027-03-01"
            """);
    assertThat(s.location().line()).isEqualTo(6);
    assertThat(s.lines()).containsExactly(new Suppression.Lines(2, 2));
    assertThat(s.until()).hasToString("2027-03-01");
  }

  @Test
  void cloudFormationJsonMetadataCoversItsResource() {
    Suppression s =
        only(
            "template.json",
            """
            {
              "Resources": {
                "Db": {
                  "Type": "AWS::RDS::DBInstance",
                  "Metadata": {"relplan": {"ignore": [
                    {"id": "REL-DB-SINGLE-AZ", "reason": "reporting copy", "until": "2027-01-01"}
                  ]}}
                }
              }
            }
            """);
    assertThat(s.lines()).containsExactly(new Suppression.Lines(3, 3));
    assertThat(s.location().line()).isEqualTo(6);
    assertThat(s.reason()).isEqualTo("reporting copy");
  }

  @Test
  void cloudFormationTemplateMetadataCoversTheFile() {
    Suppression s =
        only(
            "template.json",
            """
            {
              "Metadata": {"relplan": {"ignore": [{"id": "REL-DB-SINGLE-AZ", "reason": "sandbox"}]}},
              "Resources": {}
            }
            """);
    assertThat(s.fileLevel()).isTrue();
  }

  @Test
  void terraformHashSlashAndBlockCommentsAreRead() {
    InlineSuppressions.Result r =
        read(
            "main.tf",
            """
            resource "aws_sqs_queue" "q" {}

            # relplan:ignore REL-DB-SINGLE-AZ hash comment
            resource "aws_db_instance" "a" {
              multi_az = false // relplan:ignore REL-DB-SINGLE-AZ slash comment
            }
            /* relplan:ignore REL-DB-SINGLE-AZ block comment */
            resource "aws_db_instance" "b" {
              name = "# relplan:ignore REL-DB-SINGLE-AZ in a string"
            }
            """);
    assertThat(r.problems()).isEmpty();
    assertThat(r.suppressions())
        .extracting(Suppression::reason)
        .containsExactly("hash comment", "slash comment", "block comment");
    assertThat(r.suppressions().get(0).coversLine(4)).isTrue();
    assertThat(r.suppressions().get(0).coversLine(1)).isFalse();
    assertThat(r.suppressions().get(1).coversLine(4)).isTrue();
    assertThat(r.suppressions().get(1).coversLine(8)).isFalse();
    assertThat(r.suppressions().get(2).coversLine(8)).isTrue();
    assertThat(r.suppressions().get(2).coversLine(4)).isFalse();
  }

  @Test
  void terraformCommentInsideAModuleCallCoversTheCallLine() {
    Suppression s =
        only(
            "main.tf",
            """
            module "db" {
              source = "./db"
              # relplan:ignore REL-DB-SINGLE-AZ staging module
              multi_az = false
            }
            """);
    assertThat(s.coversLine(1)).isTrue();
  }

  @Test
  void terraformCommentOpeningTheFileRightAboveABlockIsTheBlocks() {
    Suppression s =
        only(
            "main.tf",
            """
            # relplan:ignore REL-DB-SINGLE-AZ only this one
            resource "aws_db_instance" "a" {}
            """);
    assertThat(s.fileLevel()).isFalse();
    assertThat(s.coversLine(2)).isTrue();
  }

  @Test
  void sourceCodeCommentsAreReadInEveryLanguage() {
    String marker = "relplan:ignore REL-DB-SINGLE-AZ legacy client";
    List<List<String>> files =
        List.of(
            List.of(
                "App.java",
                "class App {\n  void f() {\n    // "
                    + marker
                    + "\n    call(\"// relplan:ignore REL-DB-SINGLE-AZ string\");\n  }\n}\n"),
            List.of(
                "app.py", "x = '# relplan:ignore REL-DB-SINGLE-AZ s'\n# " + marker + "\ncall()\n"),
            List.of(
                "app.js",
                "const s = '// relplan:ignore REL-DB-SINGLE-AZ s';\n// " + marker + "\ncall();\n"),
            List.of("app.ts", "const s: string = 'x';\n/* " + marker + " */\ncall();\n"),
            List.of("main.go", "package main\n\nfunc f() {\n\t// " + marker + "\n\tcall()\n}\n"),
            List.of(
                "App.cs",
                "class App {\n  void F() {\n    // " + marker + "\n    Call();\n  }\n}\n"));
    for (List<String> file : files) {
      InlineSuppressions.Result r = read(file.get(0), file.get(1));
      assertThat(r.problems()).as(file.get(0)).isEmpty();
      assertThat(r.suppressions()).as(file.get(0)).hasSize(1);
      Suppression s = r.suppressions().get(0);
      assertThat(s.reason()).as(file.get(0)).isEqualTo("legacy client");
      int below = s.location().line() + 1;
      assertThat(s.lines()).as(file.get(0)).containsExactly(new Suppression.Lines(below, below));
    }
  }

  @Test
  void aSuppressionWithoutAReasonIsNotAppliedAndSaysWhere() {
    InlineSuppressions.Result r =
        read("main.tf", "resource \"a\" \"b\" {\n  # relplan:ignore REL-DB-SINGLE-AZ\n}\n");
    assertThat(r.suppressions()).isEmpty();
    assertThat(r.problems())
        .singleElement()
        .asString()
        .contains("main.tf:2")
        .contains("has no reason")
        .contains("relplan:ignore RULE-OR-FLAG reason");
  }

  @Test
  void anUnknownRuleIsNotAppliedAndSaysWhere() {
    InlineSuppressions.Result r =
        read("main.tf", "resource \"a\" \"b\" {\n  # relplan:ignore REL-NOPE because\n}\n");
    assertThat(r.suppressions()).isEmpty();
    assertThat(r.problems()).singleElement().asString().contains("main.tf:2").contains("REL-NOPE");
  }

  @Test
  void aCommentThatOnlyMentionsTheMarkerIsNoSuppression() {
    InlineSuppressions.Result r =
        read(
            "main.tf",
            "# see relplan:ignore REL-DB-SINGLE-AZ in the docs\nresource \"a\" \"b\" {}\n");
    assertThat(r.suppressions()).isEmpty();
    assertThat(r.problems()).isEmpty();
  }

  @Test
  void aFileItsParserCannotReadCostsANoteNotTheRun() {
    InlineSuppressions.Result r =
        read(
            "main.tf",
            "resource \"a\" \"b\" {\n  # relplan:ignore REL-DB-SINGLE-AZ why\n  x = \"open\n");
    assertThat(r.suppressions()).isEmpty();
    assertThat(r.problems())
        .singleElement()
        .asString()
        .contains("main.tf")
        .contains("cannot be parsed");
  }
}

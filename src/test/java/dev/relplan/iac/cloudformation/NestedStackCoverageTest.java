package dev.relplan.iac.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.model.CoverageGap;
import dev.relplan.model.Database;
import dev.relplan.model.Workload;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.rules.Context;
import dev.relplan.source.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nested stacks whose template cannot be read are coverage gaps; found ones are evaluated. */
class NestedStackCoverageTest {
  @TempDir Path dir;

  private Pipeline.Result result() throws IOException {
    return Pipeline.run(new Pipeline.Request(List.of(dir), "t", Context.defaults(), List.of()));
  }

  private Workload run() throws IOException {
    return result().workload();
  }

  /** The one database, from the nested template, with MultiAZ as the parent passed it. */
  private void assertEvaluatedWithTheParentsParameters(Workload w) {
    assertThat(w.coverageGaps).isEmpty();
    Database db = w.all(Database.class).get(0);
    assertThat(w.all(Database.class)).hasSize(1);
    assertThat(db.multiAz.get()).isTrue();
    assertThat(db.multiAz.trace()).contains(new Location("root.yaml", 7));
    assertThat(db.callChain).containsExactly(new Location("root.yaml", 2));
  }

  private void write(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }

  private static String parent(String templateUrl) {
    return """
        Resources:
          Network:
            Type: AWS::CloudFormation::Stack
            Properties:
              TemplateURL: %s
              Parameters:
                MultiAz: "true"
        """
        .formatted(templateUrl);
  }

  private static final String DB_WITH_PARAMETER =
      """
      Parameters:
        MultiAz:
          Type: String
          Default: "false"
      Resources:
        Db:
          Type: AWS::RDS::DBInstance
          Properties:
            Engine: postgres
            MultiAZ: !Ref MultiAz
      """;

  @Test
  void aLocalTemplateMissingFromTheScannedPathsIsAGapAtTheStackLine() throws IOException {
    write("root.yaml", parent("stacks/missing.yaml"));
    assertThat(run().coverageGaps)
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g.kind()).isEqualTo(CoverageGap.Kind.NESTED_STACK);
              assertThat(g.subject()).isEqualTo("Network");
              assertThat(g.cause()).isEqualTo(CoverageGap.Cause.OUTSIDE_SCANNED_PATHS);
              assertThat(g.location()).isEqualTo(new Location("root.yaml", 2));
            });
  }

  @Test
  void aRelativePathWrittenForABuildFolderIsMatchedByItsEnding() throws IOException {
    // ../../shared/db.yaml resolves from service/build, not from service/ where root.yaml is.
    write("service/root.yaml", parent("../../shared/db.yaml"));
    write("shared/db.yaml", DB_WITH_PARAMETER);
    Workload w = run();
    assertThat(w.coverageGaps).isEmpty();
    assertThat(w.all(Database.class))
        .singleElement()
        .satisfies(d -> assertThat(d.multiAz.get()).isTrue());
  }

  @Test
  void aRemoteTemplateWithNoScannedCounterpartIsANotFetchedGap() throws IOException {
    write("root.yaml", parent("https://bucket.s3.amazonaws.com/stacks/network.yaml"));
    assertThat(run().coverageGaps)
        .singleElement()
        .satisfies(g -> assertThat(g.cause()).isEqualTo(CoverageGap.Cause.NOT_FETCHED));
  }

  @Test
  void aFoundLocalTemplateIsNoGap() throws IOException {
    write("root.yaml", parent("stacks/network.yaml"));
    write("stacks/network.yaml", DB_WITH_PARAMETER);
    Workload w = run();
    assertThat(w.coverageGaps).isEmpty();
    assertThat(w.all(Database.class))
        .singleElement()
        .satisfies(d -> assertThat(d.multiAz.get()).isTrue());
  }

  @Test
  void aRemoteUrlEndingWithAScannedTemplatesPathIsEvaluatedWithTheParentsParameters()
      throws IOException {
    write("root.yaml", parent("https://bucket.s3.amazonaws.com/prefix/stacks/network.yaml"));
    write("stacks/network.yaml", DB_WITH_PARAMETER);
    assertEvaluatedWithTheParentsParameters(run());
  }

  @Test
  void theReportSaysWhichTemplateARemoteUrlWasEvaluatedFrom() throws IOException {
    write("root.yaml", parent("https://bucket.s3.amazonaws.com/prefix/stacks/network.yaml"));
    write("stacks/network.yaml", DB_WITH_PARAMETER);
    assertThat(result().assessment().notes())
        .contains(
            "nested stack Network (root.yaml:2) evaluated from stacks/network.yaml with the"
                + " parent's parameters: its template URL ends with that path");
  }

  @Test
  void aSubUrlIsMatchedByItsLiteralTail() throws IOException {
    write(
        "root.yaml",
        parent(
            "!Sub \"https://${Bucket}.s3.${AWS::Region}.amazonaws.com/prefix/stacks/network.yaml\""));
    write("stacks/network.yaml", DB_WITH_PARAMETER);
    assertEvaluatedWithTheParentsParameters(run());
  }

  @Test
  void aJoinUrlIsMatchedByItsLiteralTail() throws IOException {
    write(
        "root.yaml",
        parent(
            "!Join [\"\", [\"https://\", !Ref Bucket, \".s3.amazonaws.com/stacks/network.yaml\"]]"));
    write("stacks/network.yaml", DB_WITH_PARAMETER);
    assertEvaluatedWithTheParentsParameters(run());
  }

  @Test
  void twoTemplatesEndingLikeTheUrlAreAnAmbiguousGapNotAGuess() throws IOException {
    write("root.yaml", parent("https://bucket.s3.amazonaws.com/network.yaml"));
    write("blue/network.yaml", DB_WITH_PARAMETER);
    write("green/network.yaml", DB_WITH_PARAMETER);
    Workload w = run();
    assertThat(w.coverageGaps)
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g.cause()).isEqualTo(CoverageGap.Cause.AMBIGUOUS);
              assertThat(g.reason()).contains("blue/network.yaml", "green/network.yaml");
            });
    assertThat(w.all(Database.class)).allSatisfy(d -> assertThat(d.multiAz.get()).isFalse());
  }

  @Test
  void theLongerSharedEndingWinsOverAFileNameAlone() throws IOException {
    write("root.yaml", parent("https://bucket.s3.amazonaws.com/prefix/stacks/network.yaml"));
    write("stacks/network.yaml", DB_WITH_PARAMETER);
    write("old/network.yaml", DB_WITH_PARAMETER.replace("Db:", "OldDb:"));
    Workload w = run();
    assertThat(w.coverageGaps).isEmpty();
    assertThat(w.all(Database.class))
        .filteredOn(d -> d.multiAz.get())
        .extracting(d -> d.location.file())
        .containsExactly("stacks/network.yaml");
  }
}

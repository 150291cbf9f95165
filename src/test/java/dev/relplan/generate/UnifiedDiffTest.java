package dev.relplan.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The insertion diffs generators write. */
class UnifiedDiffTest {
  @Test
  void insertionKeepsThreeLinesOfContextEachSide() {
    String diff =
        UnifiedDiff.of(
            "t.yaml", "a\nb\nc\nd\ne\nf\ng\n", List.of(new UnifiedDiff.Insertion(3, List.of("X"))));

    assertThat(diff)
        .isEqualTo("--- a/t.yaml\n+++ b/t.yaml\n@@ -1,6 +1,7 @@\n a\n b\n c\n+X\n d\n e\n f\n");
  }

  @Test
  void linesAddedAfterALastLineWithoutNewlineReplaceIt() {
    String diff =
        UnifiedDiff.of("t.yaml", "a\nb", List.of(new UnifiedDiff.Insertion(2, List.of("X"))));

    assertThat(diff)
        .isEqualTo(
            "--- a/t.yaml\n+++ b/t.yaml\n@@ -1,2 +1,3 @@\n a\n-b\n\\ No newline at end of file\n+b\n+X\n");
  }

  @Test
  void distantInsertionsMakeTwoHunks() {
    String original = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n";
    String diff =
        UnifiedDiff.of(
            "t",
            original,
            List.of(
                new UnifiedDiff.Insertion(1, List.of("X")),
                new UnifiedDiff.Insertion(11, List.of("Y"))));

    assertThat(diff).contains("@@ -1,4 +1,5 @@").contains("@@ -9,4 +10,5 @@");
  }

  @Test
  void createdFileIsADiffFromDevNullOfAllItsLines() {
    String diff =
        UnifiedDiff.created(
            "o/new.yaml",
            List.of(
                new UnifiedDiff.Insertion(0, List.of("a", "b")),
                new UnifiedDiff.Insertion(0, List.of("c"))));

    assertThat(diff).isEqualTo("--- /dev/null\n+++ b/o/new.yaml\n@@ -0,0 +1,3 @@\n+a\n+b\n+c\n");
  }
}

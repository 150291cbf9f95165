package dev.relplan.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.pipeline.Pipeline;
import dev.relplan.rules.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every row of every Markdown table has as many cells as its header, whatever the scanned files are
 * called.
 */
class MarkdownTablesTest {
  static String markdown(Path dir) throws IOException {
    Pipeline.Result r =
        Pipeline.run(new Pipeline.Request(List.of(dir), null, Context.defaults(), List.of()));
    return MarkdownRenderer.render(r.assessment(), "2026-01-01");
  }

  /** Cell separators: pipes not escaped with a backslash. */
  static int separators(String row) {
    int n = 0;
    for (int i = 0; i < row.length(); i++)
      if (row.charAt(i) == '|' && (i == 0 || row.charAt(i - 1) != '\\')) n++;
    return n;
  }

  static void assertTablesWellFormed(String md) {
    List<String> lines = md.lines().toList();
    int tables = 0;
    for (int i = 0; i + 1 < lines.size(); i++) {
      if (!lines.get(i).startsWith("|") || !lines.get(i + 1).startsWith("|-")) continue;
      tables++;
      int expected = separators(lines.get(i));
      for (int j = i + 1; j < lines.size() && lines.get(j).startsWith("|"); j++) {
        assertThat(separators(lines.get(j)))
            .as("cells of line " + (j + 1) + ": " + lines.get(j))
            .isEqualTo(expected);
      }
    }
    assertThat(tables).as("tables in the report").isPositive();
  }

  @Test
  void tablesOfOrdersPlatformAreWellFormed() throws IOException {
    assertTablesWellFormed(markdown(Path.of("examples/orders-platform")));
  }

  @Test
  void tablesOfResilientWebAreWellFormed() throws IOException {
    assertTablesWellFormed(markdown(Path.of("examples/resilient-web")));
  }

  @Test
  void fileNameWithAPipeDoesNotSplitTableCells(@TempDir Path dir) throws IOException {
    try {
      Files.copy(
          Path.of("src/test/resources/rules/REL-DB-SINGLE-AZ/cloudformation/fail/template.yaml"),
          dir.resolve("we|ird.yaml"));
    } catch (java.nio.file.InvalidPathException | IOException e) {
      org.junit.jupiter.api.Assumptions.abort("file names with '|' not supported here");
    }
    String md = markdown(dir);
    assertThat(md).contains("we\\|ird.yaml:7");
    assertTablesWellFormed(md);
  }
}

package dev.relplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --quiet leaves stderr to errors and the --fail-on summary. */
class QuietTest {
  @TempDir Path empty;

  @Test
  void anEmptyPathIsNoticedOnStderrUnlessQuiet() {
    assertThat(CliTest.run("assess", empty.toString()).err()).contains("relplan:");
    CliTest.Result quiet = CliTest.run("assess", "--quiet", empty.toString());
    assertThat(quiet.code()).isZero();
    assertThat(quiet.err()).isEmpty();
  }

  @Test
  void quietStillSaysWhyTheGateTripped() {
    CliTest.Result r =
        CliTest.run("assess", "-q", "--fail-on", "low", CliTest.ORDERS, "-o", empty + "/plan.md");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith("relplan: --fail-on low:");
  }

  @Test
  void withoutATerminalNoProgressIsDrawn() {
    assertThat(ProgressLine.forRun(false)).isSameAs(dev.relplan.pipeline.Pipeline.Progress.NONE);
  }
}

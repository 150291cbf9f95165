package dev.relplan.cli;

import static dev.relplan.cli.CliTest.assertUsageError;
import static dev.relplan.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.cli.CliTest.Result;
import dev.relplan.report.Renderer;
import dev.relplan.report.Renderers;
import dev.relplan.report.ReportInput;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exit codes CI relies on, one test per code: 0 done (even when nothing could be assessed), 1
 * only for --fail-on with a one-line summary, 2 usage or input error, 3 internal error (out of
 * memory included) with one line and the trace only under --debug.
 */
class ExitCodeTest {
  @TempDir Path tmp;

  /** A report format whose rendering fails the way a bug or an exhausted heap would. */
  private record FailingRenderer(Supplier<Throwable> failure) implements Renderer {
    @Override
    public String format() {
      return "failing";
    }

    @Override
    public String extension() {
      return "txt";
    }

    @Override
    public void render(ReportInput input, Writer out) throws IOException {
      out.write("the first part of the report\n");
      Throwable t = failure.get();
      if (t instanceof Error e) throw e;
      throw (RuntimeException) t;
    }
  }

  private static Result runFailing(Supplier<Throwable> failure, String... extra) {
    String[] args = new String[3 + extra.length];
    args[0] = "assess";
    args[1] = CliTest.RESILIENT;
    args[2] = "--format=failing";
    System.arraycopy(extra, 0, args, 3, extra.length);
    return run(Renderers.all().with(new FailingRenderer(failure)), args);
  }

  @Test
  void emptyDirectoryExitsZeroAndSaysNothingWasAssessed() throws IOException {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    Result r = run("assess", empty.toString());
    assertThat(r.code()).isZero();
    assertThat(r.err()).startsWith("relplan: nothing assessed: ").hasLineCount(1);
    assertThat(r.out()).contains("Nothing was assessed").doesNotContain("No gaps found");
  }

  @Test
  void aRepositoryOfSafeMigrationsWasAssessedAndHasNoGaps() throws IOException {
    Path migrations = Files.createDirectories(tmp.resolve("db/src/main/resources/db/migration"));
    Files.writeString(
        migrations.resolve("V1__orders.sql"), "CREATE TABLE orders (id BIGINT PRIMARY KEY);\n");
    Result r = run("assess", tmp.resolve("db").toString());
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).doesNotContain("Nothing was assessed");
  }

  @Test
  void failOnReachedExitsOneWithOneLineSayingWhatTrippedIt() {
    Result r =
        run("assess", CliTest.ORDERS, "--fail-on", "high", "-o", tmp.resolve("p.md").toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).matches("relplan: --fail-on high: \\d+ findings? at or above High\\R");
  }

  @Test
  void twoFormatsToStdoutIsAUsageError() {
    assertUsageError(
        run("assess", CliTest.RESILIENT, "--format", "md", "--format", "json", "-o", "-"),
        "several formats",
        "-o DIRECTORY");
  }

  @Test
  void twoFormatsWithoutOutputIsAUsageError() {
    assertUsageError(
        run("assess", CliTest.RESILIENT, "--format", "md", "--format", "json"), "several formats");
  }

  @Test
  void malformedVarFileIsAnInputError() throws IOException {
    Path varFile = tmp.resolve("prod.tfvars");
    Files.writeString(varFile, "region = \"eu\nsize = {{{\n");
    assertUsageError(
        run("assess", "examples/terraform-shop", "--var-file", varFile.toString()),
        "--var-file",
        "cannot be parsed");
  }

  @Test
  void malformedHelmValuesFileIsAnInputError() throws IOException {
    Path values = tmp.resolve("values-prod.yaml");
    Files.writeString(values, "replicaCount: [1\n");
    assertUsageError(
        run("assess", "examples/k8s-shop", "--values", values.toString()),
        "--values",
        "cannot be parsed");
  }

  @Test
  void kustomizeRootWithoutAKustomizationIsAnInputError() {
    assertUsageError(
        run("assess", "examples/k8s-shop", "--kustomize-root", "overlays/nope"),
        "--kustomize-root",
        "not a folder with a kustomization");
  }

  @Test
  void internalErrorExitsThreeWithOneLinePointingAtDebug() {
    Result r = runFailing(() -> new IllegalStateException("renderer bug"));
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains("internal error", "renderer bug", "--debug");
  }

  @Test
  void debugPrintsTheTraceOfAnInternalError() {
    Result r = runFailing(() -> new IllegalStateException("renderer bug"), "--debug");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("at dev.relplan.cli.ExitCodeTest$FailingRenderer.render");
  }

  @Test
  void aRenderingThatFailsLeavesNoTruncatedReportFile() {
    Path file = tmp.resolve("plan.txt");
    Result r = runFailing(() -> new OutOfMemoryError("Java heap space"), "-o", file.toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(file).doesNotExist();
  }

  @Test
  void outOfMemoryExitsThreeWithAHeapHint() {
    Result r = runFailing(() -> new OutOfMemoryError("Java heap space"));
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains("out of memory", "RELPLAN_JAVA_OPTS=-Xmx");
  }

  @Test
  void stackOverflowExitsThreeNeverOne() {
    Result r = runFailing(StackOverflowError::new);
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.errLines()).hasSize(1);
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void fifoIsListedAsSkippedInsteadOfBlockingTheRun() throws Exception {
    Path repo = Files.createDirectories(tmp.resolve("repo"));
    Files.copy(Path.of(CliTest.RESILIENT, "service.yaml"), repo.resolve("service.yaml"));
    assertThat(new ProcessBuilder("mkfifo", repo.resolve("pipe.yaml").toString()).start().waitFor())
        .isZero();
    Result r = run("assess", repo.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("| pipe.yaml | special file (FIFO, socket or device), not read |");
  }

  @Test
  void symbolicLinkLoopIsSkippedNamingTheLoop() throws IOException {
    Path repo = Files.createDirectories(tmp.resolve("repo"));
    Files.createSymbolicLink(repo.resolve("a.tf"), Path.of("b.tf"));
    Files.createSymbolicLink(repo.resolve("b.tf"), Path.of("a.tf"));
    Result r = run("assess", repo.toString());
    assertThat(r.out())
        .contains("| a.tf | symbolic link loop: a.tf -> b.tf -> a.tf (not followed) |");
  }
}

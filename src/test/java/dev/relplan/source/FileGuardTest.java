package dev.relplan.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FileGuardTest {
  private static int recurse(int n) {
    return recurse(n + 1) + 1;
  }

  @Test
  void aStackOverflowBecomesASkippedFileWithTheReason() {
    Optional<SkippedFile> skipped = FileGuard.run("deep.x", () -> recurse(0));
    assertThat(skipped)
        .contains(
            new SkippedFile("deep.x", "stopped: nesting too deep to analyse (stack overflow)"));
  }

  @Test
  void anExceptionBecomesASkippedFileNamingItsKind() {
    Optional<SkippedFile> skipped =
        FileGuard.run(
            "bad.x",
            () -> {
              throw new IllegalStateException("boom");
            });
    assertThat(skipped)
        .contains(
            new SkippedFile("bad.x", "stopped: could not be analysed (IllegalStateException)"));
  }

  @Test
  void workThatCompletesIsNotSkipped() {
    assertThat(FileGuard.run("ok.x", () -> {})).isEmpty();
  }

  @Test
  void workPastItsTimeBudgetStopsAtTheNextCheck() throws Exception {
    Optional<SkippedFile> skipped =
        FileGuard.withLimits(
            new FileGuard.Limits(0.01, Long.MAX_VALUE),
            () ->
                FileGuard.run(
                    "slow.x",
                    () -> {
                      while (true) FileGuard.checkTime();
                    }));
    assertThat(skipped)
        .contains(new SkippedFile("slow.x", "stopped after the per-file time budget of 0.01 s"));
  }

  @Test
  void checkingTimeOutsideAGuardedFileNeverStops() {
    FileGuard.checkTime();
  }

  @Test
  void aFilePredictedOverTheMemoryBudgetIsRefused() throws Exception {
    Optional<SkippedFile> refused =
        FileGuard.withLimits(
            new FileGuard.Limits(30, 1024 * 1024),
            () -> FileGuard.tooLarge("big.json", 100_000, 24));
    assertThat(refused).isPresent();
    Optional<SkippedFile> accepted =
        FileGuard.withLimits(
            new FileGuard.Limits(30, 1024 * 1024),
            () -> FileGuard.tooLarge("small.json", 1000, 24));
    assertThat(accepted).isEmpty();
  }

  @Test
  void parallelWorkKeepsTheItemsOrder() {
    List<Integer> items = IntStream.range(0, 5_000).boxed().toList();
    assertThat(FileGuard.parallel(items, i -> i * 2))
        .isEqualTo(items.stream().map(i -> i * 2).toList());
  }

  @Test
  void parallelWorkersHaveTheRunsLimitsAndDeepStacks() throws Exception {
    List<Optional<SkippedFile>> outcomes =
        FileGuard.withLimits(
            new FileGuard.Limits(0.01, Long.MAX_VALUE),
            () ->
                FileGuard.parallel(
                    List.of("deep.x", "slow.x"),
                    name ->
                        FileGuard.run(
                            name,
                            () -> {
                              if (name.equals("deep.x")) recurse(0);
                              while (true) FileGuard.checkTime();
                            })));
    assertThat(outcomes)
        .containsExactly(
            Optional.of(
                new SkippedFile("deep.x", "stopped: nesting too deep to analyse (stack overflow)")),
            Optional.of(
                new SkippedFile("slow.x", "stopped after the per-file time budget of 0.01 s")));
  }

  @Test
  void aFailureInParallelWorkIsRethrownToTheCaller() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                FileGuard.parallel(
                    List.of(1, 2, 3),
                    i -> {
                      if (i == 2) throw new IllegalStateException("item 2");
                      return i;
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("item 2");
  }
}

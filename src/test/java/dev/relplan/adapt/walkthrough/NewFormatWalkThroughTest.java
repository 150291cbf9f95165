package dev.relplan.adapt.walkthrough;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.adapt.Adapter;
import dev.relplan.model.Queue;
import dev.relplan.pipeline.Adapters;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.rules.Context;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "how to add a format" walk-through, followed for real: a new format is one package
 * implementing the adapter contract and one registration, and everything downstream (linking,
 * rules, reports) applies.
 */
class NewFormatWalkThroughTest {
  private static Pipeline.Result run(Path dir, boolean registered) throws Exception {
    Pipeline.Request request =
        new Pipeline.Request(List.of(dir), "walk-through", Context.defaults(), List.of());
    List<Adapter> adapters = new ArrayList<>(Adapters.all(request));
    if (registered) adapters.add(new QueueListAdapter());
    return Pipeline.run(request, adapters);
  }

  @Test
  void registeredFormatFillsTheModelAndTheRulesJudgeIt(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("orders.relplan-test"), "queue orders\n");
    Pipeline.Result r = run(dir, true);
    assertThat(r.workload().all(Queue.class))
        .extracting(q -> q.id + " " + q.location)
        .containsExactly("orders orders.relplan-test:1");
    assertThat(r.assessment().findings())
        .extracting(f -> f.finding().rule().id() + " " + f.finding().resource())
        .contains("REL-ASYNC-NO-DLQ orders");
  }

  @Test
  void itsNotesAndSkippedLinesReachTheReport(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("orders.relplan-test"), "queue orders\ntopic events\n");
    Pipeline.Result r = run(dir, true);
    assertThat(r.assessment().notes()).contains("queues declared in orders.relplan-test");
    assertThat(r.assessment().skippedFiles())
        .extracting(s -> s.file() + ": " + s.reason())
        .containsExactly("orders.relplan-test: line 2 is not 'queue NAME'");
  }

  /**
   * The adapter reads every line of every file it is given: a runbook it were given would show up
   * as skipped lines.
   */
  @Test
  void adapterIsGivenOnlyTheFilesItClaims(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("orders.relplan-test"), "queue orders\n");
    Files.writeString(dir.resolve("runbook.md"), "# Runbook\nRestart the consumers.\n");
    Pipeline.Result r = run(dir, true);
    assertThat(r.assessment().skippedFiles()).isEmpty();
    assertThat(r.assessment().notes())
        .containsOnlyOnce("queues declared in orders.relplan-test")
        .noneMatch(n -> n.contains("runbook.md"));
  }

  @Test
  void unregisteredFormatIsNotEvenRead(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("orders.relplan-test"), "queue orders\n");
    Pipeline.Result r = run(dir, false);
    assertThat(r.workload().all(Queue.class)).isEmpty();
    assertThat(r.assessment().skippedFiles()).isEmpty();
  }
}

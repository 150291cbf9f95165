package dev.relplan.bench;

import dev.relplan.discover.Discovery;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.report.JsonRenderer;
import dev.relplan.report.MarkdownRenderer;
import dev.relplan.rules.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * End-to-end assessment time (discover, parse, adapt, rules, assess, render) by repository size.
 * Run with bench/run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PipelineBenchmark {
  /** Templates in the repository; each declares 30 resources. */
  @Param({"10", "100"})
  public int stacks;

  private Path repo;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    repo = SyntheticRepository.write(Files.createTempDirectory("relplan-bench"), stacks);
  }

  @Benchmark
  public int assessAndRender() throws IOException {
    Pipeline.Result r =
        Pipeline.run(new Pipeline.Request(List.of(repo), "bench", Context.defaults(), List.of()));
    return MarkdownRenderer.render(r.assessment(), "-").length()
        + JsonRenderer.render(r.assessment(), "bench", r.snippets()).length();
  }

  /**
   * Discovery alone (walk, read, classify, parse): the denominator of "a full assessment costs at
   * most 1.5× parsing the same files".
   */
  @Benchmark
  public int parseOnly() throws IOException {
    return new Discovery().discover(List.of(repo)).files().size();
  }

  @Benchmark
  public int assessExample() throws IOException {
    Pipeline.Result r =
        Pipeline.run(
            new Pipeline.Request(
                List.of(Path.of("examples/orders-platform")), null, Context.defaults(), List.of()));
    return r.assessment().findings().size();
  }
}

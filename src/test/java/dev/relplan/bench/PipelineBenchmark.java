package dev.relplan.bench;

import dev.relplan.discover.Discovery;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.report.MarkdownRenderer;
import dev.relplan.report.ReportInput;
import dev.relplan.rules.Context;
import dev.relplan.rules.RuleRegistry;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
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
 * End-to-end assessment time (discover, parse, adapt, rules, assess, render) by repository size,
 * against discovery and parsing alone. Run with bench/run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
// The JVM options the launcher runs relplan with (the client compiler alone, the serial collector):
// the ratio of assessment to parsing is the shipped program's, not the server compiler's, which
// speeds up the parsers' tight loops far more than the rest.
@Fork(
    value = 1,
    jvmArgsAppend = {"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"})
public class PipelineBenchmark {
  /** Templates in the repository; each declares 30 resources. */
  @Param({"10", "100"})
  public int stacks;

  private Path repo;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    repo = SyntheticRepository.write(Files.createTempDirectory("relplan-bench"), stacks);
  }

  /**
   * The whole job as {@code relplan assess DIR} runs it: discover, parse, adapt, link, rules,
   * assess, and the one report asked for (the default, Markdown) streamed out as the CLI streams it
   * to its file — to a discarding UTF-8 writer here, so that the disk is not timed. The numerator
   * of "a full assessment costs at most 1.5× parsing the same files". (Until 2026-12-07 this
   * rendered Markdown and JSON both, each into one string: two reports, and neither as a run writes
   * it.)
   */
  @Benchmark
  public long fullAssessment() throws IOException {
    Pipeline.Result r =
        Pipeline.run(new Pipeline.Request(List.of(repo), "bench", Context.defaults(), List.of()));
    CountingWriter out = new CountingWriter();
    try (Writer report = new BufferedWriter(out)) {
      new MarkdownRenderer()
          .render(
              new ReportInput(
                  r.assessment(),
                  "not recorded (pass --date today)",
                  "bench",
                  r.snippets(),
                  RuleRegistry.all()),
              report);
    }
    return out.chars;
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

  /** Encodes what it is given as UTF-8, as a report file's writer does, and keeps only a count. */
  private static final class CountingWriter extends Writer {
    private final Writer encoder =
        new OutputStreamWriter(OutputStream.nullOutputStream(), StandardCharsets.UTF_8);
    long chars;

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
      encoder.write(buf, off, len);
      chars += len;
    }

    @Override
    public void flush() throws IOException {
      encoder.flush();
    }

    @Override
    public void close() throws IOException {
      encoder.close();
    }
  }
}

package dev.relplan.bench;

import dev.relplan.code.java.JavaCodeScanner;
import dev.relplan.code.javascript.JavaScriptCodeScanner;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
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
 * Scanning one large Java class and one large JavaScript module ({@link LargeSources}) at two
 * sizes: linear scanning takes about three times as long at 3000 members as at 1000, a quadratic
 * lookup about nine times. Run with {@code bench/run LargeSourceBenchmark} (any JMH options after).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class LargeSourceBenchmark {
  @Param({"1000", "3000"})
  public int members;

  private SourceFile javaClass;
  private SourceFile javaScriptModule;

  @Setup(Level.Trial)
  public void setUp() {
    javaClass = source("Big.java", LargeSources.javaClass(members));
    javaScriptModule = source("big.js", LargeSources.javaScriptModule(members));
  }

  private static SourceFile source(String name, String content) {
    return new SourceFile(Path.of(name), name, FileKind.SOURCE_CODE, content, List.of());
  }

  @Benchmark
  public int scanJavaClass() {
    return new JavaCodeScanner().scan(List.of(javaClass)).integrations().size();
  }

  @Benchmark
  public int scanJavaScriptModule() {
    return new JavaScriptCodeScanner().scan(List.of(javaScriptModule)).integrations().size();
  }
}

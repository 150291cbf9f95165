package dev.relplan.code;

import dev.relplan.code.csharp.CsharpCodeScanner;
import dev.relplan.code.go.GoCodeScanner;
import dev.relplan.code.javascript.JavaScriptCodeScanner;
import dev.relplan.code.java.JavaCodeScanner;
import dev.relplan.code.python.PythonCodeScanner;
import dev.relplan.discover.Discovery;
import dev.relplan.discover.FileKind;
import dev.relplan.source.SkippedFile;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.Workload;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Application code: runs the scanner of each language over its sources and adds the outbound calls to the workload. */
public final class CodeScanner {
  private CodeScanner() {}

  /** Source files that could not be analysed, and notes on code in languages that are not scanned. */
  public record Result(List<SkippedFile> skipped, List<String> notes) {}

  /** Adds the integrations and health endpoints found to the workload. */
  public static Result scan(Discovery.Result found, Workload workload) {
    List<SourceFile> java = new ArrayList<>();
    List<SourceFile> python = new ArrayList<>();
    List<SourceFile> go = new ArrayList<>();
    List<SourceFile> csharp = new ArrayList<>();
    List<SourceFile> javascript = new ArrayList<>();
    java.util.Map<String, Integer> other = new java.util.TreeMap<>();
    for (SourceFile f : found.ofKind(FileKind.SOURCE_CODE)) {
      if (isTest(f.display())) continue;
      String name = f.display();
      if (name.endsWith(".java")) {
        java.add(f);
      } else if (name.endsWith(".py")) {
        python.add(f);
      } else if (name.endsWith(".go")) {
        go.add(f);
      } else if (name.endsWith(".cs")) {
        csharp.add(f);
      } else if (JavaScriptCodeScanner.handles(name)) {
        javascript.add(f);
      } else {
        other.merge(name.substring(name.lastIndexOf('.') + 1), 1, Integer::sum);
      }
    }
    List<String> notes = new ArrayList<>();
    if (!other.isEmpty()) {
      StringBuilder sb = new StringBuilder();
      other.forEach((ext, n) -> sb.append(sb.length() == 0 ? "" : ", ").append(n).append(" .").append(ext));
      notes.add("application code not analysed (only Java, Python, JavaScript, TypeScript, Go and C# calls, health checks and handlers are): " + sb + " file(s)");
    }
    JavaCodeScanner.Result r = JavaCodeScanner.scan(java, kafkaTransactions(found));
    PythonCodeScanner.Result py = PythonCodeScanner.scan(python);
    GoCodeScanner.Result gr = GoCodeScanner.scan(go);
    CsharpCodeScanner.Result cs = CsharpCodeScanner.scan(csharp);
    JavaScriptCodeScanner.Result js = JavaScriptCodeScanner.scan(javascript);
    workload.integrations.addAll(r.integrations());
    workload.integrations.addAll(py.integrations());
    workload.integrations.addAll(gr.integrations());
    workload.integrations.addAll(cs.integrations());
    workload.integrations.addAll(js.integrations());
    workload.integrations.sort(Comparator.comparing((dev.relplan.model.Integration i) -> i.location));
    workload.healthEndpoints.addAll(r.healthEndpoints());
    workload.healthEndpoints.addAll(py.healthEndpoints());
    workload.healthEndpoints.addAll(gr.healthEndpoints());
    workload.healthEndpoints.addAll(cs.healthEndpoints());
    workload.healthEndpoints.addAll(js.healthEndpoints());
    workload.eventHandlers.addAll(r.listeners());
    workload.breakingMigrations.addAll(py.breakingMigrations());
    dev.relplan.code.migration.MigrationScanner.Result sql = dev.relplan.code.migration.MigrationScanner.scan(found);
    workload.breakingMigrations.addAll(sql.migrations());
    workload.healthEndpoints.sort(Comparator.comparing((dev.relplan.model.HealthEndpoint h) -> h.location));
    List<SkippedFile> skipped = new ArrayList<>(r.skipped());
    skipped.addAll(py.skipped());
    skipped.addAll(sql.skipped());
    skipped.addAll(gr.skipped());
    skipped.addAll(cs.skipped());
    skipped.addAll(js.skipped());
    return new Result(skipped, notes);
  }

  /**
   * Spring Boot configuration ({@code application*.yml} outside test sources) that turns on Kafka
   * transactions: {@code spring.kafka.producer.transaction-id-prefix}, nested or written with dots.
   */
  static List<dev.relplan.source.Location> kafkaTransactions(Discovery.Result found) {
    List<dev.relplan.source.Location> out = new ArrayList<>();
    for (SourceFile f : found.ofKind(FileKind.OTHER)) {
      String name = f.display().substring(f.display().lastIndexOf('/') + 1);
      if (isTest(f.display()) || !name.startsWith("application") || !(name.endsWith(".yml") || name.endsWith(".yaml"))) continue;
      for (dev.relplan.parse.Node doc : f.documents()) {
        dev.relplan.source.Location at = property(doc, List.of("spring", "kafka", "producer", "transaction-id-prefix"));
        if (at != null) out.add(at);
      }
    }
    return out;
  }

  /** Where a property path is set to a non-null value, following nested maps and dotted keys. */
  private static dev.relplan.source.Location property(dev.relplan.parse.Node node, List<String> path) {
    if (path.isEmpty()) return node instanceof dev.relplan.parse.ScalarNode s && s.isNull() ? null : node.location();
    if (!(node instanceof dev.relplan.parse.MapNode m)) return null;
    for (dev.relplan.parse.MapNode.Entry e : m.entries()) {
      List<String> key = List.of(e.key().split("\\."));
      if (key.size() <= path.size() && path.subList(0, key.size()).equals(key)) {
        dev.relplan.source.Location at = property(e.value(), path.subList(key.size(), path.size()));
        if (at != null) return key.size() == path.size() ? e.keyLocation() : at;
      }
    }
    return null;
  }

  /** Test sources (Java, Python, JavaScript/TypeScript, Go and C# conventions) call mocks and local servers: their calls are not the workload's integrations. */
  static boolean isTest(String path) {
    String p = "/" + path;
    String name = p.substring(p.lastIndexOf('/') + 1);
    return p.contains("/src/test/") || p.contains("/src/it/") || p.contains("/src/integrationTest/") || p.contains("/tests/")
        || p.contains(".Tests/") || p.contains("/testdata/")
        || name.endsWith("Test.java") || name.endsWith("Tests.java") || name.endsWith("IT.java")
        || name.startsWith("test_") && name.endsWith(".py") || name.endsWith("_test.py") || name.equals("conftest.py")
        || name.endsWith("_test.go") || name.endsWith("Tests.cs") || name.endsWith("Test.cs")
        || JavaScriptCodeScanner.handles(name) && (p.contains("/__tests__/") || p.contains("/test/") || name.matches(".*\\.(test|spec)\\.[cm]?[jt]sx?"));
  }
}

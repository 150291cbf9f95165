package dev.relplan.code;

import dev.relplan.code.java.JavaCodeScanner;
import dev.relplan.code.python.PythonCodeScanner;
import dev.relplan.discover.Discovery;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SkippedFile;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.Workload;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Application code: runs the scanner of each language over its sources and adds the outbound calls to the workload. */
public final class CodeScanner {
  private CodeScanner() {}

  /** Adds the integrations found to the workload; returns the source files that could not be analysed. */
  public static List<SkippedFile> scan(Discovery.Result found, Workload workload) {
    List<SourceFile> java = new ArrayList<>();
    List<SourceFile> python = new ArrayList<>();
    for (SourceFile f : found.ofKind(FileKind.SOURCE_CODE)) {
      if (isTest(f.display())) continue;
      if (f.display().endsWith(".java")) java.add(f);
      if (f.display().endsWith(".py")) python.add(f);
    }
    JavaCodeScanner.Result r = JavaCodeScanner.scan(java);
    PythonCodeScanner.Result py = PythonCodeScanner.scan(python);
    workload.integrations.addAll(r.integrations());
    workload.integrations.addAll(py.integrations());
    workload.integrations.sort(Comparator.comparing((dev.relplan.model.Integration i) -> i.location));
    workload.healthEndpoints.addAll(r.healthEndpoints());
    workload.healthEndpoints.addAll(py.healthEndpoints());
    workload.healthEndpoints.sort(Comparator.comparing((dev.relplan.model.HealthEndpoint h) -> h.location));
    List<SkippedFile> skipped = new ArrayList<>(r.skipped());
    skipped.addAll(py.skipped());
    return skipped;
  }

  /** Test sources (Java and Python conventions) call mocks and local servers: their calls are not the workload's integrations. */
  static boolean isTest(String path) {
    String p = "/" + path;
    String name = p.substring(p.lastIndexOf('/') + 1);
    return p.contains("/src/test/") || p.contains("/src/it/") || p.contains("/src/integrationTest/") || p.contains("/tests/")
        || name.endsWith("Test.java") || name.endsWith("Tests.java") || name.endsWith("IT.java")
        || name.startsWith("test_") && name.endsWith(".py") || name.endsWith("_test.py") || name.equals("conftest.py");
  }
}

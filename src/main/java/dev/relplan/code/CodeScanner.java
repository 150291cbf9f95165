package dev.relplan.code;

import dev.relplan.code.java.JavaCodeScanner;
import dev.relplan.discover.Discovery;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SkippedFile;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.Workload;
import java.util.ArrayList;
import java.util.List;

/** Application code: runs the scanner of each language over its sources and adds the outbound calls to the workload. */
public final class CodeScanner {
  private CodeScanner() {}

  /** Adds the integrations found to the workload; returns the source files that could not be analysed. */
  public static List<SkippedFile> scan(Discovery.Result found, Workload workload) {
    List<SourceFile> java = new ArrayList<>();
    for (SourceFile f : found.ofKind(FileKind.SOURCE_CODE)) {
      if (f.display().endsWith(".java") && !isTest(f.display())) java.add(f);
    }
    JavaCodeScanner.Result r = JavaCodeScanner.scan(java);
    workload.integrations.addAll(r.integrations());
    workload.healthEndpoints.addAll(r.healthEndpoints());
    return r.skipped();
  }

  /** Test sources call mocks and local servers: their calls are not the workload's integrations. */
  static boolean isTest(String path) {
    String p = "/" + path;
    String name = p.substring(p.lastIndexOf('/') + 1);
    return p.contains("/src/test/") || p.contains("/src/it/") || p.contains("/src/integrationTest/")
        || name.endsWith("Test.java") || name.endsWith("Tests.java") || name.endsWith("IT.java");
  }
}

package dev.relplan.code;

import dev.relplan.adapt.Adapter;
import dev.relplan.code.csharp.CsharpCodeScanner;
import dev.relplan.code.go.GoCodeScanner;
import dev.relplan.code.java.JavaCodeScanner;
import dev.relplan.code.javascript.JavaScriptCodeScanner;
import dev.relplan.code.migration.MigrationScanner;
import dev.relplan.code.python.PythonCodeScanner;
import dev.relplan.discover.Discovery;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.HealthEndpoint;
import dev.relplan.model.Integration;
import dev.relplan.model.Workload;
import dev.relplan.source.FileGuard;
import dev.relplan.source.SkippedFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Application code: runs the scanner of each language over the files it handles and adds the
 * outbound calls, health endpoints, listeners and breaking migrations to the workload; after
 * linking, ties event-consuming functions to their handler code ({@link LambdaHandlers}).
 */
public final class CodeScanner implements Adapter {
  /**
   * Every language's scanner. The order is the order of their findings in the workload before
   * sorting (breaking migrations are not sorted: Alembic's from Python come before the SQL and
   * Django ones).
   */
  private static final List<LanguageScanner> SCANNERS =
      List.of(
          new JavaCodeScanner(),
          new PythonCodeScanner(),
          new MigrationScanner(),
          new GoCodeScanner(),
          new CsharpCodeScanner(),
          new JavaScriptCodeScanner());

  private final List<SkippedFile> skipped = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  /**
   * Every source file (LambdaHandlers looks for handler code in all of them), and whatever a
   * scanner handles.
   */
  @Override
  public boolean claims(SourceFile file) {
    return file.kind() == FileKind.SOURCE_CODE
        || SCANNERS.stream().anyMatch(s -> s.handles(file))
        || file.kind() == FileKind.OTHER
            && (EntryPoints.isDeclaring(file.display())
                || ClientApps.isProjectFile(file.display()));
  }

  /**
   * Configuration files a scanner reads beside the code (Spring Boot's application.properties), and
   * the files that say what a container runs (Dockerfile, Procfile, build.gradle).
   */
  @Override
  public boolean asksFor(String fileName) {
    return SCANNERS.stream().anyMatch(s -> s.asksFor(fileName))
        || EntryPoints.isDeclaring(fileName)
        || ClientApps.isProjectFile(fileName);
  }

  @Override
  public boolean readsApplicationCode() {
    return true;
  }

  /** Scanning code needs nothing the infrastructure adapters add: it runs beside them. */
  @Override
  public boolean adaptsApart() {
    return true;
  }

  /**
   * Adds the integrations, health endpoints, listeners and breaking migrations found to the
   * workload.
   */
  @Override
  public void adapt(Discovery.Result claimed, Workload workload) {
    notAnalysed(claimed).ifPresent(notes::add);
    List<List<SourceFile>> handled =
        SCANNERS.stream().map(s -> s.handledOf(claimed.files())).toList();
    // The languages are scanned side by side (each on every core too), so one language's last
    // and largest files overlap the next language's instead of leaving a core idle; results are
    // added in the scanners' order.
    List<Integer> languages = IntStream.range(0, SCANNERS.size()).boxed().toList();
    List<ScanResult> results =
        FileGuard.parallel(languages, i -> scanContained(SCANNERS.get(i), handled.get(i)));
    for (int i = 0; i < SCANNERS.size(); i++) {
      ScanResult found = results.get(i);
      workload.codeFilesAnalyzed += handled.get(i).size();
      workload.integrations.addAll(found.integrations());
      workload.healthEndpoints.addAll(found.healthEndpoints());
      workload.eventHandlers.addAll(found.eventHandlers());
      workload.breakingMigrations.addAll(found.breakingMigrations());
      skipped.addAll(found.skipped());
    }
    workload.integrations.sort(Comparator.comparing((Integration i) -> i.location));
    workload.healthEndpoints.sort(Comparator.comparing((HealthEndpoint h) -> h.location));
  }

  /**
   * One language's scan. Each file is guarded inside the scanner; a failure in a step that reads
   * several files together (imports followed across modules) costs that language's results, listed
   * as skipped with the reason, and never the other languages'.
   */
  static ScanResult scanContained(LanguageScanner s, List<SourceFile> files) {
    ScanResult[] found = {ScanResult.empty()};
    Optional<SkippedFile> stopped =
        FileGuard.contain(
            s.getClass().getSimpleName() + " (a step across its " + files.size() + " files)",
            () -> found[0] = s.scan(files));
    return stopped.map(why -> ScanResult.of(List.of(), List.of(), List.of(why))).orElse(found[0]);
  }

  /**
   * Handlers are found once the linker has added the triggers that come from separate resources.
   */
  @Override
  public void link(Discovery.Result claimed, Workload workload) {
    LambdaHandlers.link(claimed, workload);
    DeveloperScripts.mark(workload);
    ClientApps.mark(claimed.files(), workload);
    notes.addAll(ContainerPrograms.mark(claimed.files(), workload));
    SdkRetryEnvironment.apply(workload);
  }

  /** Notes on code in languages that are not scanned. */
  @Override
  public List<String> notes() {
    return notes;
  }

  /** Source files (or statements) that could not be analysed. */
  @Override
  public List<SkippedFile> skipped() {
    return skipped;
  }

  /** Counts, by extension, of source files outside test folders in languages no scanner handles. */
  private static Optional<String> notAnalysed(Discovery.Result claimed) {
    Map<String, Integer> other = new TreeMap<>();
    for (SourceFile f : claimed.ofKind(FileKind.SOURCE_CODE)) {
      if (TestSources.inTestFolder(f.display()) || SCANNERS.stream().anyMatch(s -> s.handles(f)))
        continue;
      String name = f.display();
      other.merge(name.substring(name.lastIndexOf('.') + 1), 1, Integer::sum);
    }
    if (other.isEmpty()) return Optional.empty();
    StringBuilder sb = new StringBuilder();
    other.forEach(
        (ext, n) -> sb.append(sb.length() == 0 ? "" : ", ").append(n).append(" .").append(ext));
    return Optional.of(
        "application code not analysed (only Java, Python, JavaScript, TypeScript, Go and C# calls, "
            + "health checks and handlers are): "
            + sb
            + " file(s)");
  }
}

package dev.relplan.iac.cdk;

import dev.relplan.adapt.Adapter;
import dev.relplan.adapt.Draft;
import dev.relplan.discover.Discovery;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.Workload;
import dev.relplan.parse.python.PyFile;
import dev.relplan.source.FileGuard;
import dev.relplan.source.SkippedFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * AWS CDK apps written in TypeScript, Python or Java, read from their source without synthesising
 * them: the constructs of {@code aws-cdk-lib} that decide reliability become the model objects the
 * CloudFormation adapter makes of the synthesised resources, with the construct library's defaults.
 * The CDK is never run; anything the app computes beyond constants, object literals and simple
 * conditionals is unknown.
 */
public final class CdkAdapter implements Adapter {
  private static final String CDK_JSON = "cdk.json";

  private final List<String> notes = new ArrayList<>();
  private final List<SkippedFile> skipped = new ArrayList<>();

  /**
   * TypeScript, Python and Java files that may use the CDK (not declarations or tests), the apps'
   * cdk.json, and CDK app files in the languages it does not read (counted in a note).
   */
  @Override
  public boolean claims(SourceFile file) {
    String name = file.display();
    if (isCdkJson(name) || SynthOutput.isTemplate(name)) return true;
    if (file.kind() != FileKind.SOURCE_CODE || isTest(name) || name.contains("cdk.out/"))
      return false;
    if (isPython(name)) return CdkNames.mayUseCdkInPython(file.content());
    if (isJava(name)) return CdkNames.mayUseCdkInJava(file.content());
    if (CdkNames.unreadLanguage(name, file.content()) != null) return true;
    return name.endsWith(".ts") && !name.endsWith(".d.ts") && CdkNames.mayUseCdk(file.content());
  }

  private static boolean isPython(String name) {
    return name.endsWith(".py");
  }

  private static boolean isJava(String name) {
    return name.endsWith(".java");
  }

  /**
   * Its TypeScript, Python and Java stacks are infrastructure, not application code to scan for
   * calls.
   */
  @Override
  public boolean readsInfrastructureCode() {
    return true;
  }

  @Override
  public boolean asksFor(String fileName) {
    return fileName.equals(CDK_JSON);
  }

  private static boolean isCdkJson(String name) {
    return name.equals(CDK_JSON) || name.endsWith("/" + CDK_JSON);
  }

  private static boolean isTest(String name) {
    String p = "/" + name.toLowerCase(Locale.ROOT);
    return p.contains("/test/")
        || p.contains("/tests/")
        || p.contains("/__tests__/")
        || p.endsWith(".test.ts")
        || p.endsWith(".spec.ts")
        || p.contains("/test_") && p.endsWith(".py") // pytest's conventions
        || p.endsWith("_test.py")
        || p.endsWith("/conftest.py");
  }

  @Override
  public void adapt(Discovery.Result claimed, Workload workload) {
    TreeSet<String> appRoots = new TreeSet<>();
    SynthOutput synth = new SynthOutput();
    List<SourceFile> cdkJsons = new ArrayList<>();
    for (SourceFile f : claimed.files()) {
      if (isCdkJson(f.display())) {
        appRoots.add(folder(f.display()));
        cdkJsons.add(f);
      }
      if (SynthOutput.isTemplate(f.display())) synth.add(f);
    }
    List<SourceFile> stacks = new ArrayList<>();
    Map<String, Integer> unread = new TreeMap<>();
    for (SourceFile f : claimed.files()) {
      String language = CdkNames.unreadLanguage(f.display(), f.content());
      if (language != null) unread.merge(language, 1, Integer::sum);
      else if (!isCdkJson(f.display()) && !SynthOutput.isTemplate(f.display())) stacks.add(f);
    }
    unread.forEach(
        (language, files) ->
            notes.add(
                "AWS CDK: "
                    + files
                    + " "
                    + language
                    + " file(s) of CDK apps not read (CDK apps are read in TypeScript, Python and Java, or from their synthesised cdk.out templates): the resources they declare are not in this plan"));
    // Each TypeScript and Python file is parsed on every core first, so that the apps' entry points
    // can name the stacks they instantiate and the constructs those hold before any stack is read.
    List<Parse> parses = FileGuard.parallel(stacks, Parse::of);
    List<String> entryFiles = new ArrayList<>();
    for (SourceFile cdkJson : cdkJsons) entryFiles.addAll(AppCommand.entries(cdkJson));
    AppInstances instances = entryPoints(parses, entryFiles, workload);
    PyAppInstances pyInstances = pythonEntryPoints(parses, entryFiles, workload);
    // Each file is then mapped into its own draft on every core; the drafts are added in file
    // order, so the model does not depend on thread timing.
    List<StackRead> reads =
        FileGuard.parallel(parses, p -> StackRead.of(p, appRoots, instances, pyInstances));
    commit(reads, synth, workload);
  }

  /**
   * What the apps' entry points (named by cdk.json's app command) pass to the stack classes they
   * instantiate; nothing when there is no entry point or it cannot be read.
   */
  private AppInstances entryPoints(List<Parse> parses, List<String> entryFiles, Workload workload) {
    List<StackFile.Parsed> parsed = new ArrayList<>();
    List<StackFile.Parsed> entries = new ArrayList<>();
    for (Parse p : parses)
      if (p.parsed() != null) {
        parsed.add(p.parsed());
        if (entryFiles.contains(p.file().display())) entries.add(p.parsed());
      }
    if (entries.isEmpty()) return AppInstances.NONE;
    AppInstances[] read = {AppInstances.NONE};
    List<String> entryNotes = new ArrayList<>();
    Optional<SkippedFile> failed =
        FileGuard.run(
            entries.get(0).file(),
            () -> read[0] = AppInstances.read(entries, parsed, entryNotes, workload));
    if (failed.isPresent()) return AppInstances.NONE;
    notes.addAll(entryNotes);
    return read[0];
  }

  /**
   * What the Python apps' entry points ({@code python3 app.py}) pass to the stack classes of the
   * app's modules; nothing when there is none or it cannot be read.
   */
  private PyAppInstances pythonEntryPoints(
      List<Parse> parses, List<String> entryFiles, Workload workload) {
    Map<String, PyFile> modules = new HashMap<>(); // null: the module cannot be parsed
    List<PyFile> entries = new ArrayList<>();
    for (Parse p : parses)
      if (isPython(p.file().display())) {
        modules.put(p.file().display(), p.python());
        // an entry with a syntax error is reported by its own read
        if (p.python() != null && entryFiles.contains(p.file().display())) entries.add(p.python());
      }
    if (entries.isEmpty()) return PyAppInstances.NONE;
    PyAppInstances[] read = {PyAppInstances.NONE};
    List<String> entryNotes = new ArrayList<>();
    Optional<SkippedFile> failed =
        FileGuard.run(
            entries.get(0).file,
            () -> read[0] = PyAppInstances.read(entries, modules, entryNotes, workload));
    if (failed.isPresent()) return PyAppInstances.NONE;
    notes.addAll(entryNotes);
    return read[0];
  }

  private void commit(List<StackRead> reads, SynthOutput synth, Workload workload) {
    int read = 0;
    int readPython = 0;
    int readJava = 0;
    int tied = 0;
    for (StackRead r : reads) {
      if (r.failed().isPresent()) skipped.add(r.failed().get());
      else if (r.problem() != null) skipped.add(new SkippedFile(r.file().display(), r.problem()));
      else if (synth.synthesised(r.file().display())) {
        tied += synth.tie(r.draft(), workload); // the synthesised template decides the values
      } else {
        Draft.commit(r.draft(), workload);
        notes.addAll(r.notes());
        if (!r.draft().resources().isEmpty()) {
          if (isPython(r.file().display())) readPython++;
          else if (isJava(r.file().display())) readJava++;
          else read++;
        }
      }
    }
    if (tied > 0)
      notes.add(
          "AWS CDK: "
              + tied
              + " resource(s) of the synthesised templates (cdk.out) cite the construct in the source that made them (aws:cdk:path); their values are the templates'");
    if (read > 0)
      notes.add(
          "AWS CDK: "
              + read
              + " TypeScript file(s) read from source (the app is not synthesised); unset properties take the construct library's defaults (docs/cdk-defaults.md)");
    if (readPython > 0)
      notes.add(
          "AWS CDK: "
              + readPython
              + " Python file(s) read from source (the app is not synthesised); keyword arguments are read as the construct library's properties and unset ones take its defaults (docs/cdk-defaults.md)");
    if (readJava > 0)
      notes.add(
          "AWS CDK: "
              + readJava
              + " Java file(s) read from source (the app is not synthesised); builder methods are read as the construct library's properties and unset ones take its defaults (docs/cdk-defaults.md)");
  }

  /** The innermost folder holding a cdk.json above the file, else the scanned root. */
  private static String appRoot(String file, TreeSet<String> appRoots) {
    String best = "";
    for (String root : appRoots)
      if ((root.isEmpty() || file.startsWith(root) && file.startsWith("/", root.length()))
          && root.length() >= best.length()) best = root;
    return best;
  }

  private static String folder(String path) {
    return path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
  }

  @Override
  public List<String> notes() {
    return notes.stream().distinct().toList();
  }

  @Override
  public List<SkippedFile> skipped() {
    return skipped;
  }

  /**
   * A TypeScript file parsed with its constructs found, or a Python module parsed (once, for the
   * app's entry points and its own read), or why it could not be; a Java file is parsed when it is
   * read.
   */
  private record Parse(
      SourceFile file,
      StackFile.Parsed parsed,
      PyFile python,
      Optional<SkippedFile> failed,
      String problem) {
    static Parse of(SourceFile f) {
      if (isJava(f.display())) return new Parse(f, null, null, Optional.empty(), null);
      Object[] result = new Object[1];
      Optional<SkippedFile> failed =
          FileGuard.run(
              f.display(),
              () ->
                  result[0] =
                      isPython(f.display())
                          ? PyStackFile.parse(f.display(), f.content())
                          : StackFile.parse(f.display(), f.content()));
      return new Parse(
          f,
          result[0] instanceof StackFile.Parsed p ? p : null,
          result[0] instanceof PyFile py ? py : null,
          failed,
          result[0] instanceof String problem ? problem : null);
    }
  }

  /**
   * One TypeScript, Python or Java file read into its own draft: what it declares, or why it could
   * not be read.
   */
  private record StackRead(
      SourceFile file,
      Workload draft,
      List<String> notes,
      Optional<SkippedFile> failed,
      String problem) {
    static StackRead of(
        Parse parse, TreeSet<String> appRoots, AppInstances instances, PyAppInstances pyInstances) {
      SourceFile f = parse.file();
      Workload draft = Draft.start();
      List<String> fileNotes = new ArrayList<>();
      if (parse.failed().isPresent() || parse.problem() != null)
        return new StackRead(f, draft, fileNotes, parse.failed(), parse.problem());
      String appRoot = appRoot(f.display(), appRoots);
      String[] problem = new String[1];
      Optional<SkippedFile> failed =
          FileGuard.run(
              f.display(),
              () -> {
                if (parse.parsed() != null)
                  StackFile.read(parse.parsed(), appRoot, draft, fileNotes, instances);
                else if (isJava(f.display()))
                  problem[0] =
                      JavaStackFile.read(f.display(), f.content(), appRoot, draft, fileNotes);
                else PyStackFile.read(parse.python(), appRoot, draft, fileNotes, pyInstances);
              });
      return new StackRead(f, draft, fileNotes, failed, problem[0]);
    }
  }
}

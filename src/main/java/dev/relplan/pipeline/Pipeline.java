package dev.relplan.pipeline;

import dev.relplan.adapt.Adapter;
import dev.relplan.adapt.Draft;
import dev.relplan.assess.Assessment;
import dev.relplan.assess.Assessor;
import dev.relplan.discover.Discovery;
import dev.relplan.discover.SourceFile;
import dev.relplan.iac.cloudformation.ParameterFile;
import dev.relplan.model.Linker;
import dev.relplan.model.Suppression;
import dev.relplan.model.Workload;
import dev.relplan.rules.Context;
import dev.relplan.rules.Incident;
import dev.relplan.rules.Rule;
import dev.relplan.rules.RuleRegistry;
import dev.relplan.source.FileGuard;
import dev.relplan.source.Location;
import dev.relplan.source.SkippedFile;
import dev.relplan.suppress.InlineSuppressions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * discover → parse → adapt → link → rules → assessment: the whole job, without any I/O to the user.
 */
public final class Pipeline {
  /** What to assess and how. */
  public record Request(
      List<Path> paths,
      String workloadName,
      Context context,
      List<ParameterFile> parameters,
      Path configFile,
      List<Path> varFiles,
      List<String> vars,
      List<Path> helmValues,
      String kustomizeRoot,
      Progress progress,
      SuppressionOptions suppressions) {
    public Request(
        List<Path> paths,
        String workloadName,
        Context context,
        List<ParameterFile> parameters,
        Path configFile,
        List<Path> varFiles,
        List<String> vars,
        List<Path> helmValues,
        String kustomizeRoot) {
      this(
          paths,
          workloadName,
          context,
          parameters,
          configFile,
          varFiles,
          vars,
          helmValues,
          kustomizeRoot,
          Progress.NONE,
          SuppressionOptions.DEFAULT);
    }

    public Request(
        List<Path> paths,
        String workloadName,
        Context context,
        List<ParameterFile> parameters,
        Path configFile,
        List<Path> varFiles,
        List<String> vars,
        List<Path> helmValues) {
      this(paths, workloadName, context, parameters, configFile, varFiles, vars, helmValues, null);
    }

    public Request(
        List<Path> paths,
        String workloadName,
        Context context,
        List<ParameterFile> parameters,
        Path configFile,
        List<Path> varFiles,
        List<String> vars) {
      this(paths, workloadName, context, parameters, configFile, varFiles, vars, List.of());
    }

    public Request(
        List<Path> paths,
        String workloadName,
        Context context,
        List<ParameterFile> parameters,
        Path configFile) {
      this(paths, workloadName, context, parameters, configFile, List.of(), List.of());
    }

    public Request(
        List<Path> paths, String workloadName, Context context, List<ParameterFile> parameters) {
      this(paths, workloadName, context, parameters, null);
    }

    /** The same inputs, run with this progress reporter and these suppression options. */
    public Request during(Progress shown, SuppressionOptions applied) {
      return new Request(
          paths,
          workloadName,
          context,
          parameters,
          configFile,
          varFiles,
          vars,
          helmValues,
          kustomizeRoot,
          shown,
          applied);
    }
  }

  /** Told which step the run is in, for a person watching a long run (the CLI's progress line). */
  @FunctionalInterface
  public interface Progress {
    Progress NONE = step -> {};

    void step(String what);
  }

  /**
   * How suppressions apply: {@code date} is the report's date, against which {@code until} dates
   * expire (null: none expires, the report having no date); {@code ignoreInline} leaves out those
   * written in the scanned files (--ignore-inline-suppressions), relplan.yaml's still apply.
   */
  public record SuppressionOptions(LocalDate date, boolean ignoreInline) {
    public static final SuppressionOptions DEFAULT = new SuppressionOptions(null, false);
  }

  /** The assessment and a way to show the source line of any evidence. */
  public record Result(
      Assessment assessment, Function<Location, String> snippets, Workload workload) {}

  private Pipeline() {}

  public static Result run(Request req) throws IOException {
    return run(req, Adapters.all(req));
  }

  /** The run with the given adapters: {@link Adapters#all} plus any a test brings. */
  public static Result run(Request req, List<Adapter> adapters) throws IOException {
    return run(req, adapters, RuleRegistry.all());
  }

  /** The run with the given adapters and rules: {@link RuleRegistry#all} plus any a test brings. */
  public static Result run(Request req, List<Adapter> adapters, List<Rule> rules)
      throws IOException {
    Config config = loadConfig(req);
    try {
      // Every stage runs on one large-stack thread with the run's per-file limits in force, so
      // each file's guarded work (FileGuard.run) runs inline there.
      return FileGuard.withLimits(config.limits(), () -> run(req, adapters, rules, config));
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Result run(Request req, List<Adapter> adapters, List<Rule> rules, Config config)
      throws IOException {
    Set<String> ruleWords = ruleWords(rules);
    ConfigSuppressions.check(config.suppressions(), ruleWords::contains);
    Context ctx = objectives(req.context(), config, configPath(req));
    req.progress().step("finding files");
    Set<String> excluded = new HashSet<>(Discovery.DEFAULT_EXCLUDED_DIRS);
    excluded.addAll(config.exclude());
    Discovery.Result found =
        new Discovery(excluded, name -> adapters.stream().anyMatch(a -> a.asksFor(name)))
            .discover(req.paths());
    Workload workload = new Workload();
    workload.repositoryEvidence.putAll(found.evidence());
    List<Discovery.Result> claimed = claimed(adapters, found);
    List<SkippedFile> skipped = new ArrayList<>(found.skipped());
    req.progress().step("reading " + found.files().size() + " files");
    adapt(adapters, claimed, workload, skipped);
    req.progress().step("linking");
    // Relationships are derived once, from what every format declared; then adapters tie what
    // needs them (the code adapter finds the handlers of functions whose triggers the linker
    // added).
    Linker.link(workload);
    for (int i = 0; i < adapters.size(); i++) {
      Adapter a = adapters.get(i);
      Discovery.Result files = claimed.get(i);
      stage(a, "linking", () -> a.link(files, workload)).ifPresent(skipped::add);
    }
    List<String> notes = new ArrayList<>();
    for (Adapter a : adapters) {
      notes.addAll(a.notes());
      skipped.addAll(a.skipped());
    }
    notes.addAll(Adapters.optionNotes(req));
    skipped.sort(null);
    // Suppressions are read while the files' text is at hand and applied once findings are decided.
    InlineSuppressions.Result inline = InlineSuppressions.read(found.files(), ruleWords::contains);
    notes.addAll(inline.problems());
    List<Suppression> suppressions = new ArrayList<>(inline.suppressions());
    suppressions.addAll(
        ConfigSuppressions.asScanned(config.suppressions(), configPath(req), found));
    // Every adapter has read its files: their text and trees are not needed any more (evidence
    // lines are read again from disk for the files the report cites).
    found.files().forEach(SourceFile::release);
    String name =
        req.workloadName() != null
            ? req.workloadName()
            : config.workload() != null ? config.workload() : defaultName(req.paths());
    req.progress().step("assessing");
    Assessment a =
        Assessor.assess(
            workload,
            rules,
            new Assessor.Inputs(name, ctx, found.roots(), notes, skipped)
                .withSuppressions(
                    suppressions, req.suppressions().date(), req.suppressions().ignoreInline()));
    return new Result(a, snippets(found), workload);
  }

  /**
   * An adapter's whole step, as a last resort behind its own per-file guards: a failure there loses
   * that adapter's remaining files (listed under the adapter's name), not the run.
   */
  /** The adapters of one side of the adapt step, and whether they work apart, into drafts. */
  private record Side(List<Integer> adapters, boolean apart) {}

  /**
   * Every adapter's adapt step: in list order on the workload, except those that {@link
   * Adapter#adaptsApart adapt apart}, which work at the same time into drafts of their own, added
   * after the others' in list order, so the model never depends on the threads' timing.
   */
  private static void adapt(
      List<Adapter> adapters,
      List<Discovery.Result> claimed,
      Workload workload,
      List<SkippedFile> skipped) {
    List<Integer> inTurn = new ArrayList<>();
    List<Integer> apart = new ArrayList<>();
    for (int i = 0; i < adapters.size(); i++)
      (adapters.get(i).adaptsApart() ? apart : inTurn).add(i);
    Workload[] drafts = new Workload[adapters.size()];
    List<Optional<SkippedFile>> stopped =
        new ArrayList<>(Collections.nCopies(adapters.size(), null));
    FileGuard.parallel(
        List.of(new Side(inTurn, false), new Side(apart, true)),
        side -> {
          for (int i : side.adapters()) {
            Adapter a = adapters.get(i);
            Workload into = side.apart() ? (drafts[i] = Draft.start()) : workload;
            Discovery.Result files = claimed.get(i);
            stopped.set(i, stage(a, "reading", () -> a.adapt(files, into)));
          }
          return side;
        });
    for (Optional<SkippedFile> s : stopped) s.ifPresent(skipped::add);
    for (int i : apart) if (stopped.get(i).isEmpty()) Draft.commit(drafts[i], workload);
  }

  private static Optional<SkippedFile> stage(Adapter adapter, String step, Runnable work) {
    return FileGuard.contain(adapter.getClass().getSimpleName() + " (" + step + ")", work);
  }

  /**
   * Objectives and the incidents file given on the command line win over those in the configuration
   * file; the tier comes from the configuration file only.
   */
  private static Context objectives(Context given, Config config, Path configFile) {
    return new Context(
        given.availabilityTarget() != null
            ? given.availabilityTarget()
            : Objectives.target("target in " + Config.FILE_NAME, config.target()),
        given.rto() != null
            ? given.rto()
            : Objectives.duration("rto in " + Config.FILE_NAME, config.rto()),
        given.rpo() != null
            ? given.rpo()
            : Objectives.duration("rpo in " + Config.FILE_NAME, config.rpo()),
        incidents(given, config, configFile),
        given.tier() != null ? given.tier() : config.tier(),
        given.environment());
  }

  /** --incidents when given (even an empty list), else the file relplan.yaml names, else none. */
  private static List<Incident> incidents(Context given, Config config, Path configFile) {
    if (given.incidents() != null) return given.incidents();
    if (config.incidents() == null) return List.of();
    return Incidents.loadNamedIn(config.incidents(), configFile);
  }

  /**
   * For each adapter, the discovery result holding only the files it claims, in discovery order;
   * files that an adapter reads as infrastructure code (a CDK app) are not application code.
   */
  static List<Discovery.Result> claimed(List<Adapter> adapters, Discovery.Result found) {
    // Each adapter is asked once per file; the infrastructure readers' answers are then reused.
    List<List<SourceFile>> claims =
        adapters.stream().map(a -> found.files().stream().filter(a::claims).toList()).toList();
    Set<SourceFile> infrastructure = Collections.newSetFromMap(new IdentityHashMap<>());
    for (int i = 0; i < adapters.size(); i++)
      if (adapters.get(i).readsInfrastructureCode()) infrastructure.addAll(claims.get(i));
    List<Discovery.Result> out = new ArrayList<>();
    for (int i = 0; i < adapters.size(); i++) {
      List<SourceFile> files = claims.get(i);
      if (adapters.get(i).readsApplicationCode())
        files = files.stream().filter(f -> !infrastructure.contains(f)).toList();
      out.add(new Discovery.Result(files, found.skipped(), found.evidence(), found.roots()));
    }
    return out;
  }

  /** The trimmed source line of a location, for evidence; "" for a file not discovered. */
  private static Function<Location, String> snippets(Discovery.Result found) {
    Map<String, SourceFile> byDisplay = new HashMap<>();
    for (SourceFile f : found.files()) byDisplay.put(f.display(), f);
    return l -> {
      SourceFile f = byDisplay.get(l.file());
      return f == null ? "" : f.line(l.line());
    };
  }

  private static Config loadConfig(Request req) {
    Path file = configPath(req);
    return file == null ? Config.empty() : Config.load(file);
  }

  private static Path configPath(Request req) {
    return configFile(req.paths(), req.configFile());
  }

  /**
   * --config FILE ({@code given}), else relplan.yaml in the first path when there is one; else
   * null.
   */
  public static Path configFile(List<Path> paths, Path given) {
    if (given != null) return given;
    Path first = paths.get(0);
    Path candidate = Files.isDirectory(first) ? first.resolve(Config.FILE_NAME) : null;
    return candidate != null && Files.isRegularFile(candidate) ? candidate : null;
  }

  /** The words a suppression may name: every rule id and seed flag of the run. */
  private static Set<String> ruleWords(List<Rule> rules) {
    Set<String> words = new HashSet<>();
    for (Rule r : rules) {
      words.add(r.meta().id());
      if (r.meta().flag() != null) words.add(r.meta().flag());
    }
    return words;
  }

  static String defaultName(List<Path> paths) {
    Path p = paths.get(0).toAbsolutePath().normalize();
    Path name = p.getFileName();
    return name == null ? "workload" : name.toString();
  }
}

package dev.relplan.cli;

import dev.relplan.assess.Assessment;
import dev.relplan.cli.args.CommandSpec;
import dev.relplan.cli.args.Option;
import dev.relplan.cli.args.ParsedCommand;
import dev.relplan.cli.args.Positional;
import dev.relplan.discover.SourceFile;
import dev.relplan.iac.cloudformation.ParameterFile;
import dev.relplan.parse.JsonLoader;
import dev.relplan.parse.Node;
import dev.relplan.parse.ParseException;
import dev.relplan.parse.YamlLoader;
import dev.relplan.parse.hcl.HclParser;
import dev.relplan.parse.hcl.HclSyntaxException;
import dev.relplan.pipeline.Adapters;
import dev.relplan.pipeline.Baseline;
import dev.relplan.pipeline.Config;
import dev.relplan.pipeline.ConfigEnvironments;
import dev.relplan.pipeline.Incidents;
import dev.relplan.pipeline.Objectives;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.report.Renderer;
import dev.relplan.report.Renderers;
import dev.relplan.report.ReportInput;
import dev.relplan.report.SummaryRenderer;
import dev.relplan.rules.Context;
import dev.relplan.rules.Rule;
import dev.relplan.rules.RuleRegistry;
import dev.relplan.source.InputError;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code relplan assess PATH...}: the options are declared here, read by {@link #run}. */
final class AssessCommand {
  static final Positional<Path> PATHS =
      Positional.oneOrMore("PATH", "Directories or files to analyse.", Path::of);
  static final Option<String> WORKLOAD =
      Option.single("NAME", "Workload name (default: the directory name).", "--workload");
  static final Option<String> TARGET =
      Option.single("PCT", "Availability target, e.g. 99.9, 99.95, 99.99.", "--target");
  static final Option<String> RTO =
      Option.single("DUR", "Recovery time objective, e.g. 15m, 4h, PT1H.", "--rto");
  static final Option<String> RPO =
      Option.single("DUR", "Recovery point objective, e.g. 5m, 1h.", "--rpo");
  static final Option<Path> PARAMETERS =
      Option.repeatable("FILE", "CloudFormation parameter values (repeatable).", "--parameters")
          .as(Path::of);
  static final Option<Path> VAR_FILES =
      Option.repeatable("FILE", "Terraform variable values file (repeatable).", "--var-file")
          .as(Path::of);
  static final Option<Path> HELM_VALUES =
      Option.repeatable(
              "FILE",
              "Helm values file for the charts found, over each chart's values.yaml (repeatable;"
                  + " later files win).",
              "--values")
          .as(Path::of);
  static final Option<String> KUSTOMIZE_ROOT =
      Option.single(
          "DIR",
          "Kustomize root to assess (its folder as the plan names it), instead of the one named"
              + " like production.",
          "--kustomize-root");
  static final Option<String> VARS =
      Option.repeatable("K=V", "Terraform variable value NAME=VALUE (repeatable).", "--var");

  /** Its help text names the formats on offer: see {@link #spec}. */
  static final Option<String> FORMATS = Option.repeatable("F", "", "--format");

  static final Option<Boolean> SUMMARY =
      Option.flag(
          "With --format json: a short document for an AI agent's context window (counts,"
              + " maturity, scorecard, coverage, the first 10 findings, next steps) instead of the"
              + " full report.",
          "--summary");
  static final Option<String> OUTPUT =
      Option.single(
          "PATH", "File (one format) or directory (several); - for stdout.", "-o", "--output");
  static final Option<String> FAIL_ON =
      Option.repeatable(
              "LEVEL",
              "Exit 1 when a finding is at or above critical, high, medium or low; incomplete:"
                  + " exit 1 when a module, nested stack or handler could not be read."
                  + " Repeatable.",
              "--fail-on")
          .splitOn(",");
  static final Option<Boolean> QUIET =
      Option.flag(
          "Print nothing on stderr but errors and the --fail-on summary (no progress line, no"
              + " notice that nothing was assessed).",
          "--quiet",
          "-q");

  static final Option<Boolean> DEBUG =
      Option.flag(
          "On an internal error, print the stack trace as well as the one-line message.",
          "--debug");
  static final Option<Path> INCIDENTS =
      Option.single(
              "FILE",
              "Past incidents (YAML/JSON list: date, title, description, affected components).",
              "--incidents")
          .as(Path::of);
  static final Option<Path> BASELINE =
      Option.single(
              "FILE",
              "A previous JSON report: mark findings new or unchanged, list fixed ones; --fail-on"
                  + " then counts only new findings.",
              "--baseline")
          .as(Path::of);
  static final Option<Path> CONFIG =
      Option.single("FILE", "Settings file (default: relplan.yaml in the first PATH).", "--config")
          .as(Path::of);
  static final Option<String> ENVIRONMENT =
      Option.single(
          "NAME",
          "Environment whose parameter, variable and values files relplan.yaml lists under"
              + " environments (the options' own files add to them and win).",
          "--environment");
  static final Option<Boolean> IGNORE_INLINE_SUPPRESSIONS =
      Option.flag(
          "Apply only relplan.yaml's suppressions: relplan:ignore comments, Metadata and"
              + " annotations in the scanned files are listed as ignored (central policy).",
          "--ignore-inline-suppressions");
  static final Option<String> DATE =
      Option.single(
          "DATE",
          "Date shown in the plan: YYYY-MM-DD or 'today' (default: not recorded, so reports are"
              + " reproducible); suppressions whose until date lies before it stop applying.",
          "--date");

  /**
   * The output formats on offer: --format names, their help text and file names all come from here.
   */
  private final Renderers renderers;

  private final List<Path> paths;
  private final String workload;
  private final String target;
  private final String rto;
  private final String rpo;
  private final List<Path> parameters;
  private final List<Path> varFiles;
  private final List<Path> helmValues;
  private final String kustomizeRoot;
  private final List<String> vars;
  private final List<String> formats;
  private final String output;
  private final List<String> failOn;
  private final Path incidents;
  private final boolean quiet;
  private final boolean summary;
  private final Path baseline;
  private final Path config;
  private final String environment;
  private final String date;
  private final boolean ignoreInlineSuppressions;

  private AssessCommand(Renderers renderers, ParsedCommand parsed) {
    this.renderers = renderers;
    paths = parsed.positionals(PATHS);
    workload = parsed.value(WORKLOAD);
    target = parsed.value(TARGET);
    rto = parsed.value(RTO);
    rpo = parsed.value(RPO);
    parameters = parsed.values(PARAMETERS);
    varFiles = parsed.values(VAR_FILES);
    helmValues = parsed.values(HELM_VALUES);
    kustomizeRoot = parsed.value(KUSTOMIZE_ROOT);
    vars = parsed.values(VARS);
    formats = parsed.values(FORMATS);
    output = parsed.value(OUTPUT);
    failOn = parsed.values(FAIL_ON);
    incidents = parsed.value(INCIDENTS);
    baseline = parsed.value(BASELINE);
    config = parsed.value(CONFIG);
    environment = parsed.value(ENVIRONMENT);
    date = parsed.value(DATE);
    quiet = parsed.flag(QUIET);
    summary = parsed.flag(SUMMARY);
    ignoreInlineSuppressions = parsed.flag(IGNORE_INLINE_SUPPRESSIONS);
  }

  /** The assess command offering these output formats. */
  static CommandSpec spec(Renderers renderers) {
    return new CommandSpec(
        "assess",
        "Assess the reliability of the workload described by the files under PATH.",
        List.of(
            Option.HELP,
            Option.VERSION,
            WORKLOAD,
            TARGET,
            RTO,
            RPO,
            PARAMETERS,
            VAR_FILES,
            HELM_VALUES,
            KUSTOMIZE_ROOT,
            VARS,
            FORMATS.describedAs(formatHelp(renderers)),
            SUMMARY,
            OUTPUT,
            FAIL_ON,
            DEBUG,
            QUIET,
            INCIDENTS,
            BASELINE,
            CONFIG,
            ENVIRONMENT,
            DATE,
            IGNORE_INLINE_SUPPRESSIONS),
        PATHS,
        List.of(),
        parsed -> new AssessCommand(renderers, parsed).call());
  }

  /** "md (default), json, sarif or html; repeatable.": the formats on offer, the default first. */
  static String formatHelp(Renderers renderers) {
    List<String> formats = new ArrayList<>(renderers.formats());
    formats.set(0, formats.get(0) + " (default)");
    return orList(formats) + "; repeatable.";
  }

  /** "a, b or c". */
  private static String orList(List<String> items) {
    int last = items.size() - 1;
    return last == 0
        ? items.get(0)
        : String.join(", ", items.subList(0, last)) + " or " + items.get(last);
  }

  private int call() throws IOException {
    Pipeline.Request checked = request();
    List<Renderer> chosen = summary ? summaryRenderer() : chosenRenderers();
    if (chosen.size() > 1 && (output == null || output.equals("-")))
      throw new InputError(
          "several formats cannot share stdout: pass -o DIRECTORY to write one file per format");
    FailOn gate = FailOn.parse(failOn);
    List<Assessment.PastFinding> previous = baseline == null ? null : Baseline.load(baseline);
    String shownDate =
        date == null
            ? "not recorded (pass --date today)"
            : date.equals("today") ? LocalDate.now().toString() : checkDate(date);
    // Suppressions expire against the report's date; without one, none expires (reproducible).
    LocalDate reportDate = date == null ? null : LocalDate.parse(shownDate);
    Pipeline.Request request =
        checked.during(
            ProgressLine.forRun(quiet),
            new Pipeline.SuppressionOptions(reportDate, ignoreInlineSuppressions));
    // One set of rules for the run and the report (building them twice cost start-up time).
    List<Rule> rules = RuleRegistry.all();
    Pipeline.Result result;
    try {
      result = Pipeline.run(request, Adapters.all(request), rules);
    } finally {
      ProgressLine.end(request.progress());
    }
    Assessment assessment =
        previous == null ? result.assessment() : result.assessment().withBaseline(previous);
    ReportInput input =
        new ReportInput(assessment, shownDate, Main.VERSION, result.snippets(), rules);
    // One stderr line at most: a tripped gate says what could not be read itself.
    String tripped = gate.tripped(assessment, baseline != null);
    String nothingAssessed = nothingAssessedLine(assessment);
    if (tripped == null && nothingAssessed != null && !quiet) System.err.println(nothingAssessed);
    try {
      write(chosen, input);
    } catch (IOException e) {
      throw new InputError(
          "cannot write the report to '"
              + output
              + "' ("
              + describe(e)
              + "): pass a writable file or directory with -o");
    }
    if (tripped == null) return 0;
    System.err.println("relplan: " + tripped);
    return 1;
  }

  /**
   * The pipeline's request from the input options, each checked (paths, --config, objectives,
   * parameter, variable and values files, --kustomize-root, --var): shared with generate.
   */
  Pipeline.Request request() {
    if (config != null && !Files.isRegularFile(config))
      throw new InputError("--config file '" + config + "' does not exist");
    for (Path p : paths) {
      if (!Files.exists(p))
        throw new InputError("path '" + p + "' does not exist: pass a directory or file to assess");
    }
    Context ctx =
        new Context(
            Objectives.target("--target", target),
            Objectives.duration("--rto", rto),
            Objectives.duration("--rpo", rpo),
            // null: not given, so the incidents file relplan.yaml names may apply
            incidents == null ? null : Incidents.load(incidents));
    if (environment != null) ctx = ctx.inEnvironment(environment);
    // The chosen environment's files come first, so the options' own files win over them.
    ConfigEnvironments.Environment env = environment();
    List<Path> parameterFiles = concat(env.parameters(), parameters);
    List<Path> allVarFiles = concat(env.varFiles(), varFiles);
    List<Path> valuesFiles = concat(env.values(), helmValues);
    List<ParameterFile> params = new ArrayList<>();
    for (Path p : parameterFiles) params.add(loadParameters(p));
    for (Path p : allVarFiles) checkVarFile(p);
    for (Path p : valuesFiles) checkValuesFile(p);
    if (kustomizeRoot != null) checkKustomizeRoot(paths, kustomizeRoot);
    for (String v : vars) {
      if (v.indexOf('=') <= 0) throw new InputError("--var '" + v + "' is not NAME=VALUE");
    }
    return new Pipeline.Request(
        paths, workload, ctx, params, config, allVarFiles, vars, valuesFiles, kustomizeRoot);
  }

  /**
   * The files relplan.yaml lists for --environment NAME (none without the option); a name it does
   * not define, or a file of it that does not exist, is an input error naming relplan.yaml.
   */
  private ConfigEnvironments.Environment environment() {
    ConfigEnvironments.Environment none =
        new ConfigEnvironments.Environment(List.of(), List.of(), List.of());
    if (environment == null) return none;
    Path file = Pipeline.configFile(paths, config);
    if (file == null)
      throw new InputError(
          "--environment '"
              + environment
              + "' needs a "
              + Config.FILE_NAME
              + " with environments: none in the first PATH and no --config given");
    String display = file.toString().replace('\\', '/');
    Map<String, ConfigEnvironments.Environment> defined = Config.load(file).environments();
    ConfigEnvironments.Environment env = defined.get(environment);
    if (env == null)
      throw new InputError(
          "--environment '"
              + environment
              + "' is not defined in "
              + display
              + (defined.isEmpty()
                  ? ": add it under environments"
                  : " (defined: " + String.join(", ", defined.keySet()) + ")"));
    for (List<Path> files : List.of(env.parameters(), env.varFiles(), env.values()))
      for (Path p : files)
        if (!Files.isRegularFile(p))
          throw new InputError(
              "file '"
                  + p
                  + "' of environment '"
                  + environment
                  + "' in "
                  + display
                  + " does not exist: correct the path there (relative to "
                  + Config.FILE_NAME
                  + "'s folder)");
    return env;
  }

  private static List<Path> concat(List<Path> first, List<Path> then) {
    List<Path> out = new ArrayList<>(first);
    out.addAll(then);
    return List.copyOf(out);
  }

  /** The checked request of a command declaring the input options ({@link #INPUT_OPTIONS}). */
  static Pipeline.Request request(ParsedCommand parsed) {
    return new AssessCommand(Renderers.all(), parsed).request();
  }

  /** The options naming what to read and how, which generate shares. */
  static final List<Option<?>> INPUT_OPTIONS =
      List.of(
          WORKLOAD,
          TARGET,
          RTO,
          RPO,
          PARAMETERS,
          VAR_FILES,
          HELM_VALUES,
          KUSTOMIZE_ROOT,
          VARS,
          INCIDENTS,
          CONFIG,
          ENVIRONMENT);

  /** The stderr line when nothing was assessed, naming what could not be read; else null. */
  private String nothingAssessedLine(Assessment assessment) {
    if (!ReportInput.nothingAssessed(assessment)) return null;
    if (!assessment.coverage().complete())
      return "relplan: nothing assessed: "
          + assessment.coverage().summary()
          + " could not be read (see the coverage appendix)";
    return "relplan: nothing assessed: no CloudFormation, SAM or Terraform resources and no supported"
        + " application code under "
        + String.join(", ", paths.stream().map(Path::toString).toList())
        + skippedNote(assessment);
  }

  private static String skippedNote(Assessment assessment) {
    int skipped = assessment.skippedFiles().size();
    return skipped == 0
        ? ""
        : " ("
            + skipped
            + (skipped == 1 ? " file" : " files")
            + " skipped: see the coverage appendix)";
  }

  /** A --var-file that is missing or malformed stops the run, as a malformed --parameters does. */
  private static void checkVarFile(Path p) {
    if (!Files.isRegularFile(p)) throw new InputError("--var-file '" + p + "' does not exist");
    try {
      HclParser.parseBySuffix(p.toString(), Files.readString(p, StandardCharsets.UTF_8));
    } catch (HclSyntaxException e) {
      throw new InputError("--var-file '" + p + "' cannot be parsed: " + firstLine(e.getMessage()));
    } catch (CharacterCodingException e) {
      throw new InputError("--var-file '" + p + "' is not UTF-8 text: save it as UTF-8");
    } catch (IOException e) {
      throw new InputError("--var-file '" + p + "' cannot be read: " + describe(e));
    }
  }

  /** A --kustomize-root must be a folder holding a kustomization under one of the scanned paths. */
  private static void checkKustomizeRoot(List<Path> paths, String root) {
    for (Path p : paths) {
      Path dir = p.resolve(root);
      for (String name : List.of("kustomization.yaml", "kustomization.yml", "Kustomization"))
        if (Files.isRegularFile(dir.resolve(name))) return;
    }
    throw new InputError(
        "--kustomize-root '"
            + root
            + "' is not a folder with a kustomization.yaml under the scanned paths: give the root's"
            + " folder relative to the scanned path, as the plan's Kustomize note names it");
  }

  /**
   * A --values file that is missing or is not YAML stops the run, as a malformed --var-file does.
   */
  private static void checkValuesFile(Path p) {
    if (!Files.isRegularFile(p)) throw new InputError("--values '" + p + "' does not exist");
    try {
      YamlLoader.loadAll(p.toString(), Files.readString(p, StandardCharsets.UTF_8));
    } catch (ParseException e) {
      throw new InputError("--values '" + p + "' cannot be parsed: " + firstLine(e.getMessage()));
    } catch (CharacterCodingException e) {
      throw new InputError("--values '" + p + "' is not UTF-8 text: save it as UTF-8");
    } catch (IOException e) {
      throw new InputError("--values '" + p + "' cannot be read: " + describe(e));
    }
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }

  /**
   * The renderers of the --format values, in the order first given; the default one when none is.
   */
  private List<Renderer> chosenRenderers() {
    Set<String> names =
        new LinkedHashSet<>(
            formats.isEmpty() ? List.of(renderers.defaultRenderer().format()) : formats);
    List<Renderer> chosen = new ArrayList<>();
    for (String name : names) {
      chosen.add(
          renderers
              .byFormat(name)
              .orElseThrow(
                  () ->
                      new InputError(
                          "--format "
                              + name
                              + " is not available: use "
                              + orList(renderers.formats()))));
    }
    return chosen;
  }

  /** --summary: the summary in place of the JSON report, which must be the one format asked. */
  private List<Renderer> summaryRenderer() {
    if (!formats.equals(List.of("json")) && !formats.equals(List.of("json", "json")))
      throw new InputError(
          "--summary shortens the JSON report: pass --format json alone with it (see relplan"
              + " assess --help)");
    return List.of(new SummaryRenderer());
  }

  private static String checkDate(String d) {
    try {
      return LocalDate.parse(d).toString();
    } catch (DateTimeParseException e) {
      throw new InputError("--date '" + d + "' is not a date: use YYYY-MM-DD or today");
    }
  }

  private ParameterFile loadParameters(Path p) {
    if (Files.isDirectory(p))
      throw new InputError(
          "--parameters '" + p + "' is a directory: pass a parameter file (JSON or YAML)");
    if (!Files.isRegularFile(p))
      throw new InputError(
          "--parameters file '"
              + p
              + "' does not exist: pass the path of a CloudFormation parameter file");
    String display = displayOf(p);
    try {
      String content = Files.readString(p, StandardCharsets.UTF_8);
      Node doc =
          content.stripLeading().startsWith("{") || content.stripLeading().startsWith("[")
              ? JsonLoader.load(display, content)
              : YamlLoader.loadAll(display, content).stream().findFirst().orElse(null);
      ParameterFile pf =
          ParameterFile.of(
              new SourceFile(p, display, null, content, doc == null ? List.of() : List.of(doc)));
      if (pf.values().isEmpty()) {
        throw new InputError(
            "--parameters file '"
                + p
                + "' holds no parameters: expected [{\"ParameterKey\": ..., \"ParameterValue\": ...}] or {\"Parameters\": {...}}");
      }
      return pf;
    } catch (ParseException e) {
      throw new InputError("--parameters file '" + p + "' cannot be parsed: " + e.getMessage());
    } catch (CharacterCodingException e) {
      throw new InputError("--parameters file '" + p + "' is not UTF-8 text: save it as UTF-8");
    } catch (IOException e) {
      throw new InputError("--parameters file '" + p + "' cannot be read: " + e.getMessage());
    }
  }

  /**
   * A parameter file inside the scanned path is cited relative to it, like every other evidence
   * file.
   */
  private String displayOf(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    if (paths.size() == 1) {
      Path root = paths.get(0).toAbsolutePath().normalize();
      if (abs.startsWith(root) && !abs.equals(root))
        return root.relativize(abs).toString().replace('\\', '/');
    }
    return p.toString().replace('\\', '/');
  }

  private static String describe(IOException e) {
    if (e instanceof FileAlreadyExistsException x)
      return "'" + x.getFile() + "' exists and is not a directory";
    if (e instanceof NoSuchFileException x) return "'" + x.getFile() + "' cannot be created";
    if (e instanceof AccessDeniedException x) return "permission denied on '" + x.getFile() + "'";
    if (e instanceof FileSystemException x)
      return x.getReason() == null ? "'" + x.getFile() + "' cannot be written" : x.getReason();
    return e.getMessage() == null
        ? e.getClass().getSimpleName()
        : e.getMessage().lines().findFirst().orElse("");
  }

  /**
   * Streams each report to its destination as it is rendered, so no report is held whole in memory.
   */
  private void write(List<Renderer> chosen, ReportInput input) throws IOException {
    if (output == null || output.equals("-")) {
      // System.out stays open: only flushed.
      Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
      for (Renderer r : chosen) r.render(input, out);
      out.flush();
      return;
    }
    Path target = Path.of(output);
    if (chosen.size() == 1 && !Files.isDirectory(target)) {
      if (target.getParent() != null) Files.createDirectories(target.getParent());
      writeFile(chosen.get(0), input, target);
      return;
    }
    Files.createDirectories(target);
    for (Renderer r : chosen) writeFile(r, input, target.resolve(r.defaultFileName()));
  }

  /**
   * Renders straight into the file; a rendering that fails (a bug, an exhausted heap) removes the
   * truncated file rather than leave half a report.
   */
  private static void writeFile(Renderer renderer, ReportInput input, Path target)
      throws IOException {
    try (Writer out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
      renderer.render(input, out);
    } catch (RuntimeException | Error e) {
      Files.deleteIfExists(target);
      throw e;
    }
  }
}

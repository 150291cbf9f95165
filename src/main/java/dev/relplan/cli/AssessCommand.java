package dev.relplan.cli;

import dev.relplan.source.InputError;
import dev.relplan.pipeline.Objectives;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.discover.SourceFile;
import dev.relplan.iac.cloudformation.ParameterFile;
import dev.relplan.parse.JsonLoader;
import dev.relplan.parse.Node;
import dev.relplan.parse.ParseException;
import dev.relplan.parse.YamlLoader;
import dev.relplan.report.JsonRenderer;
import dev.relplan.report.MarkdownRenderer;
import dev.relplan.rules.Context;
import dev.relplan.rules.Risk;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "assess", mixinStandardHelpOptions = true,
    description = "Assess the reliability of the workload described by the files under PATH.")
final class AssessCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Directories or files to analyse.")
  List<Path> paths;

  @Option(names = "--workload", paramLabel = "NAME", description = "Workload name (default: the directory name).")
  String workload;

  @Option(names = "--target", paramLabel = "PCT", description = "Availability target, e.g. 99.9, 99.95, 99.99.")
  String target;

  @Option(names = "--rto", paramLabel = "DUR", description = "Recovery time objective, e.g. 15m, 4h, PT1H.")
  String rto;

  @Option(names = "--rpo", paramLabel = "DUR", description = "Recovery point objective, e.g. 5m, 1h.")
  String rpo;

  @Option(names = "--parameters", paramLabel = "FILE", description = "CloudFormation parameter values (repeatable).")
  List<Path> parameters = new ArrayList<>();

  @Option(names = "--var-file", paramLabel = "FILE", description = "Terraform variable values file (repeatable).")
  List<Path> varFiles = new ArrayList<>();

  @Option(names = "--var", paramLabel = "K=V", description = "Terraform variable value NAME=VALUE (repeatable).")
  List<String> vars = new ArrayList<>();

  @Option(names = "--format", paramLabel = "F", description = "md (default), json, sarif or html; repeatable.")
  List<String> formats = new ArrayList<>();

  @Option(names = {"-o", "--output"}, paramLabel = "PATH", description = "File (one format) or directory (several); - for stdout.")
  String output;

  @Option(names = "--fail-on", paramLabel = "LEVEL", description = "Exit 1 when a finding is at or above critical, high, medium or low.")
  String failOn;

  @Option(names = "--incidents", paramLabel = "FILE", description = "Past incidents (YAML/JSON list: date, title, description, affected components).")
  Path incidents;

  @Option(names = "--baseline", paramLabel = "FILE", description = "A previous JSON report: mark findings new or unchanged, list fixed ones; --fail-on then counts only new findings.")
  Path baseline;

  @Option(names = "--config", paramLabel = "FILE", description = "Settings file (default: relplan.yaml in the first PATH).")
  Path config;

  @Option(names = "--date", paramLabel = "DATE", description = "Date shown in the plan: YYYY-MM-DD or 'today' (default: not recorded, so reports are reproducible).")
  String date;

  @Override
  public Integer call() throws IOException {
    if (config != null && !Files.isRegularFile(config)) throw new InputError("--config file '" + config + "' does not exist");
    for (Path p : paths) {
      if (!Files.exists(p)) throw new InputError("path '" + p + "' does not exist: pass a directory or file to assess");
    }
    Set<String> fmts = new LinkedHashSet<>(formats.isEmpty() ? List.of("md") : formats);
    for (String f : fmts) {
      if (!List.of("md", "json", "sarif", "html").contains(f)) {
        throw new InputError("--format " + f + " is not available: use md, json, sarif or html");
      }
    }
    Risk threshold = null;
    if (failOn != null) {
      try {
        threshold = Risk.parse(failOn);
      } catch (IllegalArgumentException e) {
        throw new InputError("--fail-on '" + failOn + "' is not a risk level: use critical, high, medium or low");
      }
    }
    Context ctx = new Context(Objectives.target("--target", target), Objectives.duration("--rto", rto), Objectives.duration("--rpo", rpo),
        incidents == null ? List.of() : dev.relplan.pipeline.Incidents.load(incidents));
    List<ParameterFile> params = new ArrayList<>();
    for (Path p : parameters) params.add(loadParameters(p));

    java.util.Map<String, String> previous = baseline == null ? null : dev.relplan.pipeline.Baseline.load(baseline);
    for (Path p : varFiles) {
      if (!Files.isRegularFile(p)) throw new InputError("--var-file '" + p + "' does not exist");
    }
    for (String v : vars) {
      if (v.indexOf('=') <= 0) throw new InputError("--var '" + v + "' is not NAME=VALUE");
    }
    Pipeline.Result result = Pipeline.run(new Pipeline.Request(paths, workload, ctx, params, config, varFiles, vars));
    var assessment = previous == null ? result.assessment() : result.assessment().withBaseline(previous);
    String shownDate = date == null ? "not recorded (pass --date today)" : date.equals("today") ? LocalDate.now().toString() : checkDate(date);
    List<String[]> outputs = new ArrayList<>();
    for (String f : fmts) {
      String text = switch (f) {
        case "json" -> JsonRenderer.render(assessment, Main.VERSION, result.snippets());
        case "sarif" -> dev.relplan.report.SarifRenderer.render(assessment, dev.relplan.rules.RuleRegistry.all(), Main.VERSION);
        case "html" -> dev.relplan.report.HtmlRenderer.render(assessment, shownDate);
        default -> MarkdownRenderer.render(assessment, shownDate);
      };
      outputs.add(new String[] {f, text});
    }
    try {
      write(outputs);
    } catch (IOException e) {
      throw new InputError("cannot write the report to '" + output + "' (" + describe(e) + "): pass a writable file or directory with -o");
    }
    if (threshold != null) {
      Risk t = threshold;
      // Against a baseline only new findings fail the build: known debt is tracked, not re-litigated.
      if (assessment.findings().stream().anyMatch(f -> f.risk().atLeast(t) && f.status().equals("new"))) return 1;
    }
    return 0;
  }

  private static String checkDate(String d) {
    try {
      return LocalDate.parse(d).toString();
    } catch (java.time.format.DateTimeParseException e) {
      throw new InputError("--date '" + d + "' is not a date: use YYYY-MM-DD or today");
    }
  }

  private ParameterFile loadParameters(Path p) {
    if (Files.isDirectory(p)) throw new InputError("--parameters '" + p + "' is a directory: pass a parameter file (JSON or YAML)");
    if (!Files.isRegularFile(p)) throw new InputError("--parameters file '" + p + "' does not exist: pass the path of a CloudFormation parameter file");
    String display = displayOf(p);
    try {
      String content = Files.readString(p, StandardCharsets.UTF_8);
      Node doc = content.stripLeading().startsWith("{") || content.stripLeading().startsWith("[")
          ? JsonLoader.load(display, content) : YamlLoader.loadAll(display, content).stream().findFirst().orElse(null);
      ParameterFile pf = ParameterFile.of(new SourceFile(p, display, null, content, doc == null ? List.of() : List.of(doc)));
      if (pf.values().isEmpty()) {
        throw new InputError("--parameters file '" + p + "' holds no parameters: expected [{\"ParameterKey\": ..., \"ParameterValue\": ...}] or {\"Parameters\": {...}}");
      }
      return pf;
    } catch (ParseException e) {
      throw new InputError("--parameters file '" + p + "' cannot be parsed: " + e.getMessage());
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new InputError("--parameters file '" + p + "' is not UTF-8 text: save it as UTF-8");
    } catch (IOException e) {
      throw new InputError("--parameters file '" + p + "' cannot be read: " + e.getMessage());
    }
  }

  /** A parameter file inside the scanned path is cited relative to it, like every other evidence file. */
  private String displayOf(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    if (paths.size() == 1) {
      Path root = paths.get(0).toAbsolutePath().normalize();
      if (abs.startsWith(root) && !abs.equals(root)) return root.relativize(abs).toString().replace('\\', '/');
    }
    return p.toString().replace('\\', '/');
  }

  private static String describe(IOException e) {
    if (e instanceof java.nio.file.FileAlreadyExistsException x) return "'" + x.getFile() + "' exists and is not a directory";
    if (e instanceof java.nio.file.NoSuchFileException x) return "'" + x.getFile() + "' cannot be created";
    if (e instanceof java.nio.file.AccessDeniedException x) return "permission denied on '" + x.getFile() + "'";
    if (e instanceof java.nio.file.FileSystemException x) return x.getReason() == null ? "'" + x.getFile() + "' cannot be written" : x.getReason();
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
  }

  private void write(List<String[]> outputs) throws IOException {
    if (output == null || output.equals("-")) {
      PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
      for (String[] o : outputs) out.print(o[1]);
      out.flush();
      return;
    }
    Path target = Path.of(output);
    if (outputs.size() == 1 && !Files.isDirectory(target)) {
      if (target.getParent() != null) Files.createDirectories(target.getParent());
      Files.writeString(target, outputs.get(0)[1], StandardCharsets.UTF_8);
      return;
    }
    Files.createDirectories(target);
    for (String[] o : outputs) {
      Files.writeString(target.resolve("reliability-plan." + o[0].toLowerCase(Locale.ROOT)), o[1], StandardCharsets.UTF_8);
    }
  }
}

package dev.relplan.pipeline;

import dev.relplan.assess.Assessment;
import dev.relplan.assess.Assessor;
import dev.relplan.code.CodeScanner;
import dev.relplan.discover.Discovery;
import dev.relplan.discover.SourceFile;
import dev.relplan.iac.cloudformation.CloudFormationAdapter;
import dev.relplan.iac.cloudformation.ParameterFile;
import dev.relplan.iac.terraform.TerraformAdapter;
import dev.relplan.model.Linker;
import dev.relplan.source.Location;
import dev.relplan.model.Workload;
import dev.relplan.rules.Context;
import dev.relplan.rules.RuleRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** discover → parse → adapt → link → rules → assessment: the whole job, without any I/O to the user. */
public final class Pipeline {
  /** What to assess and how. */
  public record Request(List<Path> paths, String workloadName, Context context, List<ParameterFile> parameters, Path configFile,
                        List<Path> varFiles, List<String> vars) {
    public Request(List<Path> paths, String workloadName, Context context, List<ParameterFile> parameters, Path configFile) {
      this(paths, workloadName, context, parameters, configFile, List.of(), List.of());
    }

    public Request(List<Path> paths, String workloadName, Context context, List<ParameterFile> parameters) {
      this(paths, workloadName, context, parameters, null);
    }
  }

  /** The assessment and a way to show the source line of any evidence. */
  public record Result(Assessment assessment, Function<Location, String> snippets, Workload workload) {}

  private Pipeline() {}

  public static Result run(Request req) throws IOException {
    Config config = loadConfig(req);
    Context given = req.context();
    Context ctx = new Context(
        given.availabilityTarget() != null ? given.availabilityTarget() : Objectives.target("target in " + Config.FILE_NAME, config.target()),
        given.rto() != null ? given.rto() : Objectives.duration("rto in " + Config.FILE_NAME, config.rto()),
        given.rpo() != null ? given.rpo() : Objectives.duration("rpo in " + Config.FILE_NAME, config.rpo()),
        given.incidents());
    java.util.Set<String> excluded = new java.util.HashSet<>(Discovery.DEFAULT_EXCLUDED_DIRS);
    excluded.addAll(config.exclude());
    Discovery.Result found = new Discovery(excluded).discover(req.paths());
    Workload workload = new Workload();
    workload.repositoryEvidence.putAll(found.evidence());
    CloudFormationAdapter cfn = new CloudFormationAdapter(found, req.parameters());
    cfn.adapt(workload);
    TerraformAdapter tf = new TerraformAdapter(found, req.varFiles(), req.vars());
    tf.adapt(workload);
    dev.relplan.iac.cicd.DeploymentEnvironments.collect(found, workload);
    CodeScanner.Result code = CodeScanner.scan(found, workload);
    Linker.link(workload);
    dev.relplan.code.LambdaHandlers.link(found, workload);
    List<String> notes = new ArrayList<>(cfn.notes());
    notes.addAll(tf.notes());
    notes.addAll(code.notes());
    for (Path p : req.varFiles()) notes.add("Terraform variable values from " + p + " (--var-file)");
    List<dev.relplan.source.SkippedFile> skipped = new ArrayList<>(found.skipped());
    skipped.addAll(tf.skipped());
    skipped.addAll(code.skipped());
    skipped.sort(null);
    for (ParameterFile p : req.parameters()) notes.add("parameter values from " + p.display() + " (--parameters)");
    String name = req.workloadName() != null ? req.workloadName() : config.workload() != null ? config.workload() : defaultName(req.paths());
    Assessment a = Assessor.assess(workload, RuleRegistry.all(),
        new Assessor.Inputs(name, ctx, found.roots(), notes, skipped));
    Map<String, SourceFile> byDisplay = new HashMap<>();
    for (SourceFile f : found.files()) byDisplay.put(f.display(), f);
    Function<Location, String> snippets = l -> {
      SourceFile f = byDisplay.get(l.file());
      return f == null ? "" : f.line(l.line());
    };
    return new Result(a, snippets, workload);
  }

  private static Config loadConfig(Request req) {
    if (req.configFile() != null) return Config.load(req.configFile());
    Path first = req.paths().get(0);
    Path candidate = java.nio.file.Files.isDirectory(first) ? first.resolve(Config.FILE_NAME) : null;
    return candidate != null && java.nio.file.Files.isRegularFile(candidate) ? Config.load(candidate) : Config.empty();
  }

  static String defaultName(List<Path> paths) {
    Path p = paths.get(0).toAbsolutePath().normalize();
    Path name = p.getFileName();
    return name == null ? "workload" : name.toString();
  }
}

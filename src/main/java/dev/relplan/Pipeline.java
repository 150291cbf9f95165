package dev.relplan;

import dev.relplan.assess.Assessment;
import dev.relplan.assess.Assessor;
import dev.relplan.discover.Discovery;
import dev.relplan.discover.SourceFile;
import dev.relplan.iac.cloudformation.CloudFormationAdapter;
import dev.relplan.iac.cloudformation.ParameterFile;
import dev.relplan.model.Linker;
import dev.relplan.model.Location;
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
  public record Request(List<Path> paths, String workloadName, Context context, List<ParameterFile> parameters) {}

  /** The assessment and a way to show the source line of any evidence. */
  public record Result(Assessment assessment, Function<Location, String> snippets, Workload workload) {}

  private Pipeline() {}

  public static Result run(Request req) throws IOException {
    Discovery.Result found = new Discovery().discover(req.paths());
    Workload workload = new Workload();
    workload.repositoryEvidence.putAll(found.evidence());
    CloudFormationAdapter cfn = new CloudFormationAdapter(found, req.parameters());
    cfn.adapt(workload);
    Linker.link(workload);
    List<String> notes = new ArrayList<>(cfn.notes());
    for (ParameterFile p : req.parameters()) notes.add("parameter values from " + p.display() + " (--parameters)");
    String name = req.workloadName() != null ? req.workloadName() : defaultName(req.paths());
    Assessment a = Assessor.assess(workload, RuleRegistry.all(),
        new Assessor.Inputs(name, req.context(), found.roots(), notes, found.skipped()));
    Map<String, SourceFile> byDisplay = new HashMap<>();
    for (SourceFile f : found.files()) byDisplay.put(f.display(), f);
    Function<Location, String> snippets = l -> {
      SourceFile f = byDisplay.get(l.file());
      return f == null ? "" : f.line(l.line());
    };
    return new Result(a, snippets, workload);
  }

  static String defaultName(List<Path> paths) {
    Path p = paths.get(0).toAbsolutePath().normalize();
    Path name = p.getFileName();
    return name == null ? "workload" : name.toString();
  }
}

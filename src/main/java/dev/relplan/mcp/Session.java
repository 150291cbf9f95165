package dev.relplan.mcp;

import dev.relplan.pipeline.Adapters;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.report.ReportInput;
import dev.relplan.rules.Rule;
import dev.relplan.rules.RuleRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One client's session: the roots it may read, how assess arguments are checked, and the last
 * assessment, which the other tools and the resources read.
 */
final class Session {
  /** How the report's date line reads: an MCP assessment records none, so it is reproducible. */
  private static final String NO_DATE = "not recorded";

  final AllowedRoots roots;
  private final RequestFactory requests;
  private final String version;
  private final List<Rule> rules = RuleRegistry.all();
  private volatile LastAssessment last;

  Session(AllowedRoots roots, RequestFactory requests, String version) {
    this.roots = roots;
    this.requests = requests;
    this.version = version;
  }

  /** Assesses what the arguments name (every path inside the roots) and keeps it as the last. */
  LastAssessment assess(Arguments args, List<Path> allowed) {
    Pipeline.Request request = requests.fromAssessArguments(commandLine(args, allowed));
    for (Path p : request.varFiles()) AllowedRoots.confine(p.toString(), "varFiles", allowed);
    for (Path p : request.helmValues()) AllowedRoots.confine(p.toString(), "values", allowed);
    Pipeline.Result result;
    try {
      result = Pipeline.run(request, Adapters.all(request), rules);
    } catch (IOException e) {
      throw new ToolError("cannot read the paths: " + e.getMessage());
    }
    LastAssessment done =
        new LastAssessment(
            request,
            result,
            new ReportInput(result.assessment(), NO_DATE, version, result.snippets(), rules));
    last = done;
    return done;
  }

  /** The last assessment, or a ToolError saying to assess first. */
  LastAssessment last() {
    LastAssessment l = last;
    if (l == null)
      throw new ToolError("no assessment yet in this session: call the assess tool first");
    return l;
  }

  /** Whether an assessment has run in this session. */
  boolean assessed() {
    return last != null;
  }

  /** The assess tool's arguments as relplan assess's command line, paths confined to the roots. */
  private static List<String> commandLine(Arguments args, List<Path> allowed) {
    List<String> paths = args.strings("paths");
    if (paths.isEmpty())
      throw new ToolError("paths is empty: pass at least one folder or file to assess");
    List<String> line = new ArrayList<>();
    for (String[] option :
        new String[][] {
          {"workload", "--workload"},
          {"target", "--target"},
          {"rto", "--rto"},
          {"rpo", "--rpo"},
          {"environment", "--environment"},
          {"kustomizeRoot", "--kustomize-root"}
        }) {
      String value = args.string(option[0]);
      if (value != null) line.addAll(List.of(option[1], value));
    }
    for (String[] option :
        new String[][] {
          {"parameters", "--parameters"}, {"varFiles", "--var-file"}, {"values", "--values"}
        })
      for (String file : args.strings(option[0]))
        line.addAll(List.of(option[1], confined(file, option[0], allowed)));
    for (String[] option : new String[][] {{"incidents", "--incidents"}, {"config", "--config"}}) {
      String file = args.string(option[0]);
      if (file != null) line.addAll(List.of(option[1], confined(file, option[0], allowed)));
    }
    for (Map.Entry<String, String> v : args.stringMap("vars").entrySet())
      line.addAll(List.of("--var", v.getKey() + "=" + v.getValue()));
    line.add("--");
    for (String p : paths) line.add(confined(p, "paths", allowed));
    return line;
  }

  private static String confined(String value, String name, List<Path> allowed) {
    return AllowedRoots.confine(value, name, allowed).toString();
  }
}

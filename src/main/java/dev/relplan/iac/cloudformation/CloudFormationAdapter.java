package dev.relplan.iac.cloudformation;

import dev.relplan.adapt.Adapter;
import dev.relplan.adapt.Draft;
import dev.relplan.discover.Discovery;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.iac.common.Evaluated;
import dev.relplan.iac.common.GeneratedTemplates;
import dev.relplan.model.CoverageGap;
import dev.relplan.model.CoverageGap.Cause;
import dev.relplan.model.GenericResource;
import dev.relplan.model.Production;
import dev.relplan.model.Resource;
import dev.relplan.model.ResourceRef;
import dev.relplan.model.Unknown;
import dev.relplan.model.Value;
import dev.relplan.model.Workload;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ScalarNode;
import dev.relplan.parse.SeqNode;
import dev.relplan.source.FileGuard;
import dev.relplan.source.Location;
import dev.relplan.source.SkippedFile;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns every CloudFormation and SAM template found into the workload model: parameters (given,
 * chosen from a production parameter file, or defaults), conditions, nested stacks with local
 * templates, cross-stack imports, and SAM Globals.
 */
public final class CloudFormationAdapter implements Adapter, GeneratedTemplates {
  private static final int MAX_NESTING = 8;

  /**
   * The resource mappers by type, built when the first resource is mapped: a run without files of
   * this format does not load them (issue 8: build only what the repository's formats need).
   */
  private static final class Mappers {
    static final Map<String, Mapper> BY_TYPE = new HashMap<>();

    static {
      ComputeMappers.register(BY_TYPE);
      DataMappers.register(BY_TYPE);
      NetworkMappers.register(BY_TYPE);
      MessagingMappers.register(BY_TYPE);
      OperationsMappers.register(BY_TYPE);
      ServerlessMappers.register(BY_TYPE);
    }
  }

  /** The templates, parameter files and samconfig files found, set by {@link #adapt}. */
  private Discovery.Result discovered;

  private final List<ParameterFile> given;
  private final CrossStack crossStack = new CrossStack();
  private final List<String> notes = new ArrayList<>();

  /** Nested stacks whose template could not be read (nested templates are looked up repeatedly). */
  private final Set<CoverageGap> coverageGaps = new LinkedHashSet<>();

  private final List<SkippedFile> skipped = new ArrayList<>();

  /** Templates whose evaluation stopped (too deep, over the time budget), with the reason. */
  @Override
  public List<SkippedFile> skipped() {
    return skipped;
  }

  /**
   * @param given {@code --parameters} files in the order given; without them a production parameter
   *     file is chosen
   */
  public CloudFormationAdapter(List<ParameterFile> given) {
    this.given = given;
  }

  @Override
  public boolean claims(SourceFile file) {
    return file.kind() == FileKind.CLOUDFORMATION
        || file.kind() == FileKind.CLOUDFORMATION_PARAMETERS
        || file.kind() == FileKind.SAMCONFIG;
  }

  /**
   * Human-readable notes about the evaluation (which parameter file was used, nested stacks not
   * found).
   */
  @Override
  public List<String> notes() {
    return notes.stream().distinct().toList();
  }

  @Override
  public void adapt(Discovery.Result discovered, Workload workload) {
    this.discovered = discovered;
    List<SourceFile> templates = discovered.ofKind(FileKind.CLOUDFORMATION);
    if (templates.isEmpty()) return;
    Map<Path, SourceFile> byPath = new HashMap<>();
    for (SourceFile f : templates) byPath.put(f.path().toAbsolutePath().normalize(), f);
    Set<SourceFile> children = new HashSet<>();
    for (SourceFile f : templates)
      for (SourceFile child : nestedTemplates(f, byPath).values()) children.add(child);

    List<ParameterFile> parameterFiles = given;
    if (given.isEmpty()) parameterFiles = chooseProductionParameterFile();

    List<SourceFile> rootFiles = new ArrayList<>();
    for (SourceFile f : templates) if (!children.contains(f)) rootFiles.add(f);
    // Templates that only nest one another (a cycle CloudFormation would reject) have no root:
    // rather than
    // analyse none of them, each one no root reaches becomes a root of its own.
    Set<SourceFile> reached = reachable(rootFiles, byPath);
    for (SourceFile f : templates) {
      if (reached.contains(f)) continue;
      rootFiles.add(f);
      reached.addAll(reachable(List.of(f), byPath));
    }
    List<Template> roots = new ArrayList<>();
    for (SourceFile f : rootFiles) {
      Template t =
          new Template(f, f.display(), List.of(), valuesFor(f, parameterFiles), crossStack);
      crossStack.add(t);
      roots.add(t);
    }
    for (Template t : roots) instantiateNested(t, byPath, 0, List.of());
    TemplateVariants variants = new TemplateVariants(rootFiles);
    notes.addAll(variants.notes());
    for (Template t : allTemplates) {
      // Each template instance into a draft, added only when it completes: one hostile template is
      // listed among the skipped files and the others are still assessed.
      Workload draft = Draft.start();
      FileGuard.run(
              t.file.display(),
              () -> {
                adaptTemplate(t, draft);
                if (roots.contains(t)) variants.mark(t.file, draft);
              })
          .ifPresentOrElse(skipped::add, () -> Draft.commit(draft, workload));
    }
    environmentEvidence(workload, templates);
    workload.coverageGaps.addAll(coverageGaps);
  }

  private final List<Template> allTemplates = new ArrayList<>();

  /**
   * A template another format generates (the Serverless Framework's {@code resources}), evaluated
   * like a root template without parameters; the caller runs it under its own file guard and draft.
   */
  @Override
  public void adaptGenerated(
      SourceFile file, MapNode template, Set<String> generatedIds, Workload workload) {
    Template t =
        new Template(file, template, generatedIds, file.display(), List.of(), Map.of(), crossStack);
    crossStack.add(t);
    adaptTemplate(t, workload);
  }

  private Set<SourceFile> reachable(List<SourceFile> from, Map<Path, SourceFile> byPath) {
    Set<SourceFile> seen = new HashSet<>();
    ArrayDeque<SourceFile> todo = new ArrayDeque<>(from);
    while (!todo.isEmpty()) {
      SourceFile f = todo.pop();
      if (seen.add(f)) todo.addAll(nestedTemplates(f, byPath).values());
    }
    return seen;
  }

  private void instantiateNested(
      Template t, Map<Path, SourceFile> byPath, int depth, List<SourceFile> ancestors) {
    allTemplates.add(t);
    if (depth >= MAX_NESTING) {
      notes.add(
          "nested stacks deeper than "
              + MAX_NESTING
              + " levels are not followed ("
              + t.file.display()
              + ")");
      return;
    }
    Map<String, SourceFile> nested = nestedTemplates(t.file, byPath);
    for (MapNode.Entry e : t.resources().entries()) {
      SourceFile childFile = nested.get(e.key());
      if (childFile == null || !(e.value() instanceof MapNode decl)) continue;
      if (ancestors.contains(childFile)) {
        notes.add(
            t.file.display()
                + ": nested stack "
                + e.key()
                + " points back to "
                + childFile.display()
                + ", which nests this template (a cycle): not followed");
        continue;
      }
      Props props = new Props(t, decl.get("Properties") instanceof MapNode pm ? pm : null);
      Map<String, Template.ParameterValue> values = new LinkedHashMap<>();
      for (MapNode.Entry p : props.entries("Parameters")) {
        Evaluated v = t.eval(p.value());
        values.put(
            p.key(),
            new Template.ParameterValue(
                v.value() == Template.NO_VALUE ? null : v.value(),
                p.keyLocation(),
                t.file.display()));
      }
      List<Location> chain = new ArrayList<>(t.callChain);
      chain.add(e.keyLocation());
      Template child =
          new Template(
              childFile,
              childFile.display() + "@" + t.scope + "#" + e.key(),
              chain,
              values,
              crossStack);
      crossStack.add(child);
      crossStack.addNested(t, e.key(), child);
      List<SourceFile> chainFiles = new ArrayList<>(ancestors);
      chainFiles.add(t.file);
      instantiateNested(child, byPath, depth + 1, chainFiles);
    }
  }

  /**
   * Nested stacks of a template whose TemplateURL (or SAM Location) is a local file in the scanned
   * paths, or a remote URL whose path ends with the path of a scanned template.
   */
  private Map<String, SourceFile> nestedTemplates(SourceFile f, Map<Path, SourceFile> byPath) {
    Map<String, SourceFile> out = new LinkedHashMap<>();
    if (!(f.document() instanceof MapNode root)
        || !(root.get("Resources") instanceof MapNode resources)) return out;
    for (MapNode.Entry e : resources.entries()) {
      if (!(e.value() instanceof MapNode decl) || !(decl.get("Type") instanceof ScalarNode type))
        continue;
      String key =
          "AWS::CloudFormation::Stack".equals(type.text())
              ? "TemplateURL"
              : "AWS::Serverless::Application".equals(type.text()) ? "Location" : null;
      if (key == null || !(decl.get("Properties") instanceof MapNode props)) continue;
      Node url = props.get(key);
      SourceFile child =
          url instanceof ScalarNode s && s.text() != null && isLocal(s.text())
              ? localTemplate(f, e, s.text(), byPath)
              : remoteTemplate(f, e, url, byPath);
      if (child != null && child != f) out.put(e.key(), child);
    }
    return out;
  }

  private static boolean isLocal(String url) {
    return !url.contains("://") && !url.startsWith("s3:");
  }

  /** A TemplateURL that is a path relative to the parent template. */
  private SourceFile localTemplate(
      SourceFile parent, MapNode.Entry stack, String url, Map<Path, SourceFile> byPath) {
    Path target = parent.path().toAbsolutePath().normalize().getParent().resolve(url).normalize();
    SourceFile child = byPath.get(target);
    if (child == null) child = relativeFromElsewhere(parent, stack, url, byPath);
    if (child == null)
      gap(
          stack.key(),
          Cause.OUTSIDE_SCANNED_PATHS,
          "its template " + url + " is not a template in the scanned paths",
          stack.keyLocation());
    return child;
  }

  /**
   * A relative TemplateURL that names no scanned file from the parent's folder, but whose path
   * (without its ./ and ../ steps) ends like exactly one scanned template: packaging tools often
   * resolve it from a build folder (e.g. ../../shared/dlq.yaml from service/build). The plan says
   * which template was used; two candidates or none leave the gap.
   */
  private SourceFile relativeFromElsewhere(
      SourceFile parent, MapNode.Entry stack, String url, Map<Path, SourceFile> byPath) {
    List<String> segments =
        Arrays.stream(url.split("/"))
            .filter(s -> !s.isEmpty() && !s.equals(".") && !s.equals(".."))
            .toList();
    if (segments.size() < 2) return null; // a bare file name is too weak a match
    TemplateUrl.Match match = matchByEnding(segments, parent, byPath);
    if (match.template() == null) return null;
    notes.add(
        "nested stack "
            + stack.key()
            + " ("
            + stack.keyLocation()
            + ") evaluated from "
            + match.template().display()
            + " with the parent's parameters: its relative template path "
            + url
            + " names no file from the parent's folder, and that template's path ends the same way");
    return match.template();
  }

  /** The scanned template (in display order, so ties resolve the same way) whose path ends so. */
  private static TemplateUrl.Match matchByEnding(
      List<String> path, SourceFile parent, Map<Path, SourceFile> byPath) {
    List<SourceFile> templates =
        byPath.values().stream().sorted(Comparator.comparing(SourceFile::display)).toList();
    return TemplateUrl.match(path, parent, templates);
  }

  /**
   * A remote TemplateURL (literal, Fn::Sub or Fn::Join) whose path ends with the path of exactly
   * one scanned template: the template the pipeline uploads there. The plan says which was used.
   */
  private SourceFile remoteTemplate(
      SourceFile parent, MapNode.Entry stack, Node url, Map<Path, SourceFile> byPath) {
    Location at = stack.keyLocation();
    if (url == null) {
      gap(stack.key(), Cause.UNRESOLVABLE, "it names no template", at);
      return null;
    }
    if (url instanceof MapNode app && app.has("ApplicationId")) {
      gap(
          stack.key(),
          Cause.NOT_FETCHED,
          "it is a Serverless Application Repository application, which is not fetched",
          at);
      return null;
    }
    List<String> urlPath = TemplateUrl.knownPath(url);
    TemplateUrl.Match match = matchByEnding(urlPath, parent, byPath);
    String shown = url instanceof ScalarNode s ? s.text() : "…/" + String.join("/", urlPath);
    if (match.template() != null) {
      notes.add(
          "nested stack "
              + stack.key()
              + " ("
              + at
              + ") evaluated from "
              + match.template().display()
              + " with the parent's parameters: its template URL ends with that path");
      return match.template();
    }
    if (match.ambiguous())
      gap(
          stack.key(),
          Cause.AMBIGUOUS,
          "its template URL "
              + shown
              + " ends like several scanned templates ("
              + String.join(", ", match.candidates().stream().map(SourceFile::display).toList())
              + "); none is chosen",
          at);
    else if (urlPath.isEmpty() && !(url instanceof ScalarNode))
      gap(
          stack.key(),
          Cause.UNRESOLVABLE,
          "its template location is computed and names no file that can be looked for",
          at);
    else
      gap(
          stack.key(),
          Cause.NOT_FETCHED,
          "the remote template "
              + shown
              + " is not fetched and no scanned template's path ends like it; what it creates is not assessed",
          at);
    return null;
  }

  /** Records a nested stack whose template could not be read, once however often it is seen. */
  private void gap(String stack, Cause cause, String reason, Location at) {
    coverageGaps.add(new CoverageGap(CoverageGap.Kind.NESTED_STACK, stack, cause, reason, at));
  }

  /**
   * Without --parameters, a parameter file named for production decides the values, and the report
   * says so.
   */
  private List<ParameterFile> chooseProductionParameterFile() {
    List<ParameterFile> prod = new ArrayList<>();
    for (SourceFile f : discovered.ofKind(FileKind.CLOUDFORMATION_PARAMETERS)) {
      ParameterFile pf = ParameterFile.of(f);
      if (pf.namesProduction()) prod.add(pf);
    }
    if (prod.size() == 1) {
      notes.add(
          "parameter values from "
              + prod.get(0).display()
              + " (the repository's production parameter file; choose another with --parameters)");
      return prod;
    }
    if (prod.size() > 1) {
      notes.add(
          "several production parameter files found; parameter defaults used (choose one with --parameters)");
    } else if (!discovered.ofKind(FileKind.CLOUDFORMATION_PARAMETERS).isEmpty()) {
      notes.add(
          "parameter defaults used; parameter files in the repository can be applied with --parameters");
    }
    return List.of();
  }

  private static Map<String, Template.ParameterValue> valuesFor(
      SourceFile template, List<ParameterFile> files) {
    Map<String, Template.ParameterValue> values = new LinkedHashMap<>();
    MapNode params =
        ((MapNode) template.document()).get("Parameters") instanceof MapNode p ? p : null;
    if (params == null) return values;
    for (ParameterFile pf : files) {
      pf.values()
          .forEach(
              (k, v) -> {
                if (params.has(k)) values.put(k, v);
              });
    }
    return values;
  }

  private void adaptTemplate(Template t, Workload workload) {
    Value<String> environment = environmentOf(t);
    for (MapNode.Entry e : t.resources().entries()) {
      if (!(e.value() instanceof MapNode decl)) continue;
      String type = decl.get("Type") instanceof ScalarNode s ? s.text() : null;
      if (type == null) continue;
      Value<Boolean> exists = existence(t, decl);
      if (exists.isFalse()) continue;
      Mapper mapper = Mappers.BY_TYPE.get(type);
      if (type.equals("AWS::CloudFormation::Stack") || type.equals("AWS::Serverless::Application"))
        continue;
      MapNode properties =
          decl.get("Properties") instanceof MapNode pm
              ? pm
              : new MapNode(decl.location(), null, List.of());
      Props props = new Props(t, layers(t, type, properties));
      ResourceContext c =
          new ResourceContext(t, e.key(), e.keyLocation(), type, decl, props, workload, exists);
      int before = workload.resources().size();
      if (mapper != null) {
        mapper.map(c);
      } else {
        workload.notAssessedTypes.merge(type, 1, Integer::sum);
        c.add(new GenericResource(t.scope, e.key(), type, e.keyLocation()));
      }
      Set<ResourceRef> references = props.allRefs();
      for (int i = before; i < workload.resources().size(); i++) {
        Resource r = workload.resources().get(i);
        references.stream().filter(ref -> !ref.key().equals(r.key())).forEach(r.references::add);
        if (r.environment.present()) continue;
        Value<String> tagged = Production.environmentTag(r);
        r.environment = tagged.present() ? tagged : environment;
      }
    }
  }

  /** SAM resources read their Globals section under their own properties. */
  private static List<MapNode> layers(Template t, String type, MapNode properties) {
    if (!t.sam || !type.startsWith("AWS::Serverless::")) return List.of(properties);
    String section =
        switch (type) {
          case "AWS::Serverless::Function" -> "Function";
          case "AWS::Serverless::Api" -> "Api";
          case "AWS::Serverless::HttpApi" -> "HttpApi";
          case "AWS::Serverless::SimpleTable" -> "SimpleTable";
          case "AWS::Serverless::StateMachine" -> "StateMachine";
          default -> null;
        };
    if (section != null && t.section("Globals").get(section) instanceof MapNode g)
      return List.of(properties, g);
    return List.of(properties);
  }

  private static Value<Boolean> existence(Template t, MapNode decl) {
    MapNode.Entry cond = decl.entry("Condition");
    if (cond == null || !(cond.value() instanceof ScalarNode name))
      return Value.defaulted(true, "declared unconditionally");
    Evaluated v = t.condition(name.text());
    List<Location> trace = new ArrayList<>(List.of(cond.keyLocation()));
    trace.addAll(v.trace());
    if (v.value() instanceof Boolean b) return Value.explicit(b, trace);
    return Value.unresolved(
        "created only when condition "
            + name.text()
            + " holds: "
            + (v.value() instanceof Unknown u ? u.reason() : "cannot be evaluated"),
        trace);
  }

  private static Value<String> environmentOf(Template t) {
    for (MapNode.Entry p : t.section("Parameters").entries()) {
      if (!Production.carriesEnvironment(p.key())) continue;
      Evaluated v = t.parameter(p.key());
      if (v.value() instanceof String s) {
        List<Location> trace = new ArrayList<>(List.of(p.keyLocation()));
        trace.addAll(v.trace());
        if (!t.parameterGiven(p.key())
            && Boolean.FALSE.equals(Production.classify(s))
            && mayBeProduction(p.value()))
          // A template deployed to every environment defaults to its first one: the default says
          // nothing about where this copy runs.
          return Value.unresolved(
              "parameter "
                  + p.key()
                  + " is chosen at deployment: it only defaults to '"
                  + s
                  + "' (pass --parameters to say which environment this is)",
              trace);
        return Value.explicit(s, trace);
      }
      return Value.unresolved(
          v.value() instanceof Unknown u ? u.reason() : "computed", List.of(p.keyLocation()));
    }
    return Value.absent();
  }

  /** An environment parameter with no AllowedValues, or with a production value among them. */
  private static boolean mayBeProduction(Node declaration) {
    if (!(declaration instanceof MapNode decl)
        || !(decl.get("AllowedValues") instanceof SeqNode allowed)) return true;
    for (Node v : allowed.items())
      if (v instanceof ScalarNode s && Boolean.TRUE.equals(Production.classify(s.text())))
        return true;
    return false;
  }

  /**
   * Which environments the repository describes: allowed values, mapping keys, parameter files,
   * samconfig.
   */
  private void environmentEvidence(Workload w, List<SourceFile> templates) {
    for (SourceFile f : templates) {
      MapNode root = (MapNode) f.document();
      if (root.get("Parameters") instanceof MapNode params) {
        for (MapNode.Entry p : params.entries()) {
          if (!Production.carriesEnvironment(p.key()) || !(p.value() instanceof MapNode decl))
            continue;
          if (decl.get("AllowedValues") instanceof SeqNode allowed) {
            for (Node v : allowed.items()) {
              if (v instanceof ScalarNode s && s.text() != null) {
                w.environments.add(
                    new Workload.EnvironmentEvidence(
                        s.text(), "allowed value of parameter " + p.key(), v.location()));
              }
            }
          }
        }
      }
    }
    for (SourceFile f : discovered.ofKind(FileKind.CLOUDFORMATION_PARAMETERS)) {
      ParameterFile pf = ParameterFile.of(f);
      pf.values()
          .forEach(
              (k, v) -> {
                if (Production.carriesEnvironment(k) && v.value() instanceof String s) {
                  w.environments.add(
                      new Workload.EnvironmentEvidence(
                          s, "parameter file " + f.display(), v.location()));
                }
              });
    }
    for (SourceFile f : discovered.ofKind(FileKind.SAMCONFIG)) {
      String[] lines = f.content().split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        String line = lines[i].strip();
        // TOML table headers: [env.command.parameters]; the first segment is the SAM environment.
        if (line.startsWith("[") && line.endsWith("]") && !line.startsWith("[[")) {
          String env = line.substring(1, line.length() - 1).split("\\.")[0].strip();
          if (!env.isEmpty() && !env.equals("default")) {
            w.environments.add(
                new Workload.EnvironmentEvidence(
                    env, "samconfig environment", new Location(f.display(), i + 1)));
          }
        }
      }
    }
  }
}

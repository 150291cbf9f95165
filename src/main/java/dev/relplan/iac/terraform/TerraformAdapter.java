package dev.relplan.iac.terraform;

import dev.relplan.adapt.Adapter;
import dev.relplan.adapt.Draft;
import dev.relplan.discover.Discovery;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.iac.common.Evaluated;
import dev.relplan.model.CoverageGap;
import dev.relplan.model.GenericResource;
import dev.relplan.model.Production;
import dev.relplan.model.Resource;
import dev.relplan.model.ResourceRef;
import dev.relplan.model.Unknown;
import dev.relplan.model.Value;
import dev.relplan.model.Workload;
import dev.relplan.parse.hcl.Attribute;
import dev.relplan.parse.hcl.Block;
import dev.relplan.parse.hcl.Body;
import dev.relplan.parse.hcl.HclFile;
import dev.relplan.parse.hcl.HclParser;
import dev.relplan.parse.hcl.HclSyntaxException;
import dev.relplan.parse.hcl.SourceRange;
import dev.relplan.source.FileGuard;
import dev.relplan.source.Location;
import dev.relplan.source.SkippedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Turns the Terraform configurations found into the workload model: root modules are detected, each
 * evaluated with its variables (defaults, terraform.tfvars, *.auto.tfvars, --var-file, --var),
 * local modules followed with the caller's inputs, and every {@code aws_*} resource instance mapped
 * onto the same model objects as CloudFormation.
 */
public final class TerraformAdapter implements Adapter {

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
    }
  }

  /** The configurations, plan files and variable files found, set by {@link #adapt}. */
  private Discovery.Result discovered;

  private final List<Path> varFiles;
  private final List<String> vars;
  private final List<String> notes = new ArrayList<>();
  private final List<SkippedFile> skipped = new ArrayList<>();

  /**
   * Resource instances for a whole scan; beyond this the rest is not mapped (and the plan says so).
   */
  static final int MAX_RESOURCE_INSTANCES = 50_000;

  private int instances;

  /**
   * @param varFiles {@code --var-file} files in the order given
   * @param vars {@code --var} assignments {@code NAME=VALUE} in the order given
   */
  public TerraformAdapter(List<Path> varFiles, List<String> vars) {
    this.varFiles = varFiles == null ? List.of() : varFiles;
    this.vars = vars == null ? List.of() : vars;
  }

  /**
   * Configurations and variable files, plan or state JSON, and a {@code --var-file} inside the
   * scanned paths (to cite it by its path there).
   */
  @Override
  public boolean claims(SourceFile file) {
    Path at = file.path().toAbsolutePath().normalize();
    return file.kind() == FileKind.TERRAFORM
        || file.kind() == FileKind.OTHER && PlanJson.isPlan(file.document())
        || varFiles.stream().anyMatch(p -> p.toAbsolutePath().normalize().equals(at));
  }

  @Override
  public List<String> notes() {
    return notes;
  }

  /** Terraform files that could not be parsed, with the located syntax error. */
  @Override
  public List<SkippedFile> skipped() {
    return skipped;
  }

  /**
   * Evaluation recurses through expressions, locals and modules (bounded by {@link
   * Evaluator#MAX_DEPTH} and {@link Session#MAX_MODULE_DEPTH}); each file's parse and each root
   * module's evaluation runs through {@link FileGuard} (a large stack, the per-file time budget),
   * and a root that stops adds nothing to the workload: it is listed among the skipped files.
   */
  @Override
  public void adapt(Discovery.Result discovered, Workload workload) {
    this.discovered = discovered;
    adaptOnThisThread(workload);
  }

  private void adaptOnThisThread(Workload workload) {
    List<SourceFile> files = discovered.ofKind(FileKind.TERRAFORM);
    if (files.isEmpty()
        && discovered.ofKind(FileKind.OTHER).stream().noneMatch(f -> PlanJson.isPlan(f.document())))
      return;
    Map<Path, ModuleDir> dirs = new TreeMap<>();
    Map<Path, List<SourceFile>> tfvars = new HashMap<>();
    for (SourceFile f : files) {
      String lower = f.display().toLowerCase(Locale.ROOT);
      Path dir = f.path().toAbsolutePath().normalize().getParent();
      if (lower.endsWith(".tfvars") || lower.endsWith(".tfvars.json")) {
        tfvars.computeIfAbsent(dir, x -> new ArrayList<>()).add(f);
        continue;
      }
      HclFile parsed = parse(f.display(), f.content());
      if (parsed == null) continue;
      int slash = f.display().lastIndexOf('/');
      String display = slash < 0 ? "" : f.display().substring(0, slash);
      dirs.computeIfAbsent(dir, d -> new ModuleDir(d, display)).add(parsed);
    }
    Session session = new Session(dirs);
    Set<Path> children = new HashSet<>();
    for (ModuleDir d : dirs.values()) {
      for (Block call : d.modules.values()) {
        String src = Session.source(call);
        if (Session.isLocal(src)) {
          Path target = d.path.resolve(src).normalize();
          if (dirs.containsKey(target) && !target.equals(d.path)) children.add(target);
        }
      }
    }
    List<Consumer<Workload>> deferred = new ArrayList<>();
    Map<Path, List<SourceFile>> plans = new TreeMap<>();
    for (SourceFile f : discovered.ofKind(FileKind.OTHER)) {
      if (PlanJson.isPlan(f.document()))
        plans
            .computeIfAbsent(
                f.path().toAbsolutePath().normalize().getParent(), x -> new ArrayList<>())
            .add(f);
    }
    long roots = dirs.keySet().stream().filter(p -> !children.contains(p)).count();
    for (Map.Entry<Path, List<SourceFile>> e : plans.entrySet()) {
      if (!dirs.containsKey(e.getKey()) || children.contains(e.getKey())) roots++;
    }
    List<Path> planned = new ArrayList<>();
    long rootCount = roots;
    for (Map.Entry<Path, List<SourceFile>> e : plans.entrySet()) {
      SourceFile first = e.getValue().get(0);
      Workload draft = Draft.start();
      FileGuard.run(
              first.display(),
              () -> {
                List<Consumer<Workload>> ownDeferred = new ArrayList<>();
                readPlan(session, dirs, children, e, rootCount, draft, ownDeferred);
                for (Consumer<Workload> c : ownDeferred) c.accept(draft);
              })
          .ifPresentOrElse(skipped::add, () -> Draft.commit(draft, workload));
      planned.add(e.getKey());
    }
    for (ModuleDir d : dirs.values()) {
      if (children.contains(d.path) || planned.contains(d.path)) continue;
      Workload draft = Draft.start();
      FileGuard.run(
              rootDisplay(d),
              () -> {
                List<Consumer<Workload>> ownDeferred = new ArrayList<>();
                evaluateRoot(session, d, tfvars, dirs, rootCount, draft, ownDeferred);
                for (Consumer<Workload> c : ownDeferred) c.accept(draft);
              })
          .ifPresentOrElse(skipped::add, () -> Draft.commit(draft, workload));
    }
    if (session.evaluator.exhausted()) {
      notes.add(
          "Terraform evaluation stopped after "
              + Evaluator.MAX_STEPS
              + " steps: values computed after that are Cannot Determine");
    }
    notes.addAll(session.notes);
    workload.coverageGaps.addAll(session.coverageGaps);
    environmentEvidence(workload, dirs, tfvars, children);
  }

  /** A root module as the skipped files name it: its one file, else its folder. */
  private static String rootDisplay(ModuleDir d) {
    if (d.files.size() == 1) return d.files.get(0).path();
    return d.display.isEmpty() ? "." : d.display + "/";
  }

  /** Maps a plan file's resource instances, located in the configuration beside it when scanned. */
  private void readPlan(
      Session session,
      Map<Path, ModuleDir> dirs,
      Set<Path> children,
      Map.Entry<Path, List<SourceFile>> e,
      long roots,
      Workload workload,
      List<Consumer<Workload>> deferred) {
    ModuleDir d = dirs.get(e.getKey());
    SourceFile first = e.getValue().get(0);
    int slash = first.display().lastIndexOf('/');
    String display = slash < 0 ? "" : first.display().substring(0, slash);
    String label = roots > 1 && !display.isEmpty() ? display + ":" : "";
    if (e.getValue().size() > 1) {
      notes.add(
          "several Terraform plan files in "
              + (display.isEmpty() ? "." : display)
              + ": "
              + first.display()
              + " used");
    }
    ModuleDir config =
        d != null && !children.contains(e.getKey()) ? d : new ModuleDir(e.getKey(), display);
    mapPlan(session, config, PlanJson.read(first, config.name(), label), label, workload, deferred);
    notes.add(
        "Terraform values of "
            + config.name()
            + " from the plan "
            + first.display()
            + (d != null ? " (the configuration there gives the lines)" : ""));
  }

  /** Evaluates a root module with its variable values and maps its resource instances. */
  private void evaluateRoot(
      Session session,
      ModuleDir d,
      Map<Path, List<SourceFile>> tfvars,
      Map<Path, ModuleDir> dirs,
      long roots,
      Workload workload,
      List<Consumer<Workload>> deferred) {
    Map<String, Evaluated> values =
        rootValues(
            session,
            d,
            tfvars.getOrDefault(d.path, List.of()),
            roots == 1 ? orphanVarFiles(tfvars, dirs) : List.of());
    // With several configurations (envs/prod, envs/staging, examples/*) addresses name their
    // root.
    String label = roots > 1 && !d.display.isEmpty() ? d.display + ":" : "";
    ModuleInstance root =
        new ModuleInstance(session, d, d.name(), label, List.of(), 0, Map.of(), values);
    defaultTags = defaultTags(root);
    session.providerRegions = providerRegions(root);
    walk(root, workload, deferred);
  }

  /**
   * The default aws provider's default_tags of the configuration being walked (modules inherit it).
   */
  private Map<String, String> defaultTags = Map.of();

  private static Map<String, String> defaultTags(ModuleInstance root) {
    for (HclFile f : root.dir.files) {
      for (Block p : f.body().blocks("provider")) {
        if (!"aws".equals(p.label(0)) || p.body().attribute("alias").isPresent()) continue;
        Attrs a = new Attrs(root, p.body(), Env.EMPTY, root.at(p.range()));
        for (Attrs dt : a.nested("default_tags")) return dt.tags();
      }
    }
    return Map.of();
  }

  private static Map<String, Value<String>> providerRegions(ModuleInstance root) {
    Map<String, Value<String>> out = new HashMap<>();
    for (HclFile f : root.dir.files) {
      for (Block p : f.body().blocks("provider")) {
        if (!"aws".equals(p.label(0))) continue;
        Attrs a = new Attrs(root, p.body(), Env.EMPTY, root.at(p.range()));
        Value<String> alias = a.str("alias");
        String key = alias.present() ? "aws." + alias.get() : "aws";
        Value<String> region = a.str("region");
        out.put(
            key,
            region.present() || region.unresolved()
                ? region
                : Value.unresolved(
                    "the Region of provider "
                        + key
                        + " comes from the environment (AWS_REGION or the profile)",
                    List.of(root.at(p.range()))));
      }
    }
    return out;
  }

  private HclFile parse(String display, String content) {
    HclFile[] parsed = {null};
    FileGuard.run(
            display,
            () -> {
              try {
                parsed[0] = HclParser.parseBySuffix(display, content);
              } catch (HclSyntaxException e) {
                skipped.add(new SkippedFile(display, "Terraform syntax error: " + e.getMessage()));
              }
            })
        .ifPresent(skipped::add);
    return parsed[0];
  }

  // ---- variable values of a root module ----

  /**
   * Variable files in directories without configuration (env/prod.tfvars), for a repository with
   * one root module.
   */
  private static List<SourceFile> orphanVarFiles(
      Map<Path, List<SourceFile>> tfvars, Map<Path, ModuleDir> dirs) {
    List<SourceFile> out = new ArrayList<>();
    tfvars.forEach(
        (dir, files) -> {
          if (!dirs.containsKey(dir)) out.addAll(files);
        });
    out.sort((x, y) -> x.display().compareTo(y.display()));
    return out;
  }

  private Map<String, Evaluated> rootValues(
      Session session, ModuleDir d, List<SourceFile> dirVars, List<SourceFile> orphans) {
    Map<String, Evaluated> values = new LinkedHashMap<>();
    ModuleInstance literal =
        new ModuleInstance(
            session,
            new ModuleDir(d.path, d.display),
            d.name(),
            "",
            List.of(),
            0,
            Map.of(),
            Map.of());
    List<SourceFile> sorted = new ArrayList<>(dirVars);
    sorted.sort((x, y) -> x.display().compareTo(y.display()));
    List<SourceFile> auto = new ArrayList<>();
    SourceFile main = null;
    SourceFile mainJson = null;
    List<SourceFile> production = new ArrayList<>();
    for (SourceFile f : sorted) {
      String name = f.path().getFileName().toString();
      if (name.equals("terraform.tfvars")) main = f;
      else if (name.equals("terraform.tfvars.json")) mainJson = f;
      else if (name.endsWith(".auto.tfvars") || name.endsWith(".auto.tfvars.json")) auto.add(f);
      else if (isProduction(environmentOfVarFile(name))) production.add(f);
    }
    if (production.isEmpty()) {
      for (SourceFile f : orphans) {
        String name = f.path().getFileName().toString();
        String dirName =
            f.path().getParent() == null ? "" : f.path().getParent().getFileName().toString();
        if (isProduction(environmentOfVarFile(name))
            || name.equals("terraform.tfvars") && isProduction(dirName)) production.add(f);
      }
    }
    if (main != null) load(literal, main.display(), main.content(), d, values);
    if (mainJson != null) load(literal, mainJson.display(), mainJson.content(), d, values);
    for (SourceFile f : auto) load(literal, f.display(), f.content(), d, values);
    if (varFiles.isEmpty() && production.size() == 1) {
      SourceFile p = production.get(0);
      notes.add(
          "Terraform variable values for "
              + (d.name().equals(".") ? "the root configuration" : d.name())
              + " from "
              + p.display()
              + " (the configuration's production variable file; choose another with --var-file)");
      load(literal, p.display(), p.content(), d, values);
    }
    for (Path p : varFiles) {
      try {
        String content = Files.readString(p);
        load(literal, varFileDisplay(p), content, d, values);
      } catch (IOException e) {
        notes.add("--var-file " + p + " cannot be read: " + e.getClass().getSimpleName());
      }
    }
    commandLineVars(literal, d, values);
    return values;
  }

  /**
   * A variable file's environment is the part of its name before the first dot (prod.tfvars,
   * prod.auto.tfvars).
   */
  private static String environmentOfVarFile(String fileName) {
    return fileName.substring(0, fileName.indexOf('.'));
  }

  private static boolean isProduction(String environment) {
    return Boolean.TRUE.equals(Production.classify(environment));
  }

  /** {@code --var NAME=VALUE} for the root's variables; a list or object value is read as HCL. */
  private void commandLineVars(ModuleInstance literal, ModuleDir d, Map<String, Evaluated> values) {
    for (String kv : vars) {
      int eq = kv.indexOf('=');
      if (eq <= 0) continue;
      String name = kv.substring(0, eq).strip();
      String raw = kv.substring(eq + 1);
      if (!d.variables.containsKey(name)) continue;
      Object v = raw;
      String t = raw.strip();
      if (t.startsWith("[") || t.startsWith("{")) {
        try {
          v = literal.eval(HclParser.parseExpression("--var " + name, t), Env.EMPTY).value();
        } catch (HclSyntaxException e) {
          v = raw;
        }
      }
      values.put(name, Evaluated.of(v));
    }
  }

  /**
   * A --var-file inside the scanned paths is cited like every other file; one outside by the path
   * given.
   */
  private String varFileDisplay(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    for (SourceFile f : discovered.files())
      if (f.path().toAbsolutePath().normalize().equals(abs)) return f.display();
    return p.toString().replace('\\', '/');
  }

  private void load(
      ModuleInstance literal,
      String display,
      String content,
      ModuleDir d,
      Map<String, Evaluated> values) {
    HclFile f = parse(display, content);
    if (f == null) return;
    for (Attribute a : f.body().attributes()) {
      if (!d.variables.containsKey(a.name())) continue;
      Evaluated v = literal.eval(a.value(), Env.EMPTY);
      values.put(
          a.name(),
          new Evaluated(v.value(), List.of(new Location(display, a.range().line())), v.refs()));
    }
  }

  // ---- resources ----

  private void walk(ModuleInstance m, Workload w, List<Consumer<Workload>> deferred) {
    for (Map.Entry<String, Block> e : m.dir.resources.entrySet()) {
      Block b = e.getValue();
      String type = b.label(0);
      ModuleInstance.Expansion x = m.expansion("resource:" + e.getKey(), b);
      Location loc = m.at(b.range());
      if (!x.known()) {
        Unknown u = new Unknown(x.unknownReason());
        Env env = Env.EMPTY.with("count", Evaluated.of(u)).with("each", Evaluated.of(u));
        List<Location> trace = new ArrayList<>(List.of(x.line()));
        for (Location l : x.decidedBy().trace()) if (!trace.contains(l)) trace.add(l);
        map(
            m,
            b,
            type,
            m.prefix + e.getKey() + "[*]",
            loc,
            env,
            Value.unresolved(x.unknownReason(), trace),
            w,
            deferred);
        continue;
      }
      for (ModuleInstance.Instance i : x.instances()) {
        Value<Boolean> exists =
            x.decidedBy() == null
                ? Value.defaulted(true, "declared without count or for_each")
                : Value.explicit(true, withLine(x.line(), x.decidedBy().trace()));
        map(m, b, type, m.prefix + e.getKey() + i.suffix(), loc, i.env(), exists, w, deferred);
      }
    }
    for (String name : m.dir.modules.keySet()) {
      for (ModuleInstance.Child c : m.children(name)) {
        if (c.module() != null) {
          walk(c.module(), w, deferred);
        } else if (c.instance() != null
            && (c.notFollowed().startsWith("modules nested")
                || c.notFollowed().startsWith("more than"))) {
          String note = "Terraform modules not followed: " + c.notFollowed();
          if (!notes.contains(note)) notes.add(note);
        } else if (c.instance() == null) {
          Block call = m.dir.modules.get(name);
          Location at = m.at(call.range());
          String subject = m.prefix + "module." + name;
          w.coverageGaps.add(
              new CoverageGap(
                  CoverageGap.Kind.MODULE,
                  subject,
                  CoverageGap.Cause.UNRESOLVABLE,
                  c.notFollowed() + "; what it creates cannot be determined",
                  at));
        }
      }
    }
  }

  /**
   * Maps every resource instance of a plan, located by its address in the configuration when it is
   * scanned.
   */
  private void mapPlan(
      Session session,
      ModuleDir root,
      PlanJson plan,
      String label,
      Workload w,
      List<Consumer<Workload>> deferred) {
    ModuleInstance rootInstance =
        new ModuleInstance(session, root, root.name(), label, List.of(), 0, Map.of(), Map.of());
    defaultTags = defaultTags(rootInstance);
    session.providerRegions = providerRegions(rootInstance);
    Map<String, ModuleInstance> modules = new HashMap<>();
    for (PlanJson.Instance i : plan.instances) {
      ModuleInstance m =
          modules.computeIfAbsent(i.modulePath(), path -> planModule(session, root, path, label));
      String local = PlanJson.configAddress(i.address().substring(label.length()));
      if (!i.modulePath().isEmpty())
        local = local.substring(PlanJson.configAddress(i.modulePath()).length() + 1);
      Block b = m.dir.resources.get(local);
      Location loc = b != null ? m.at(b.range()) : i.location();
      if (b == null) {
        var range =
            new SourceRange(
                i.location().file(), i.location().line(), 1, i.location().line(), 1, 0, 0);
        b =
            new Block(
                "resource",
                List.of(i.type(), local.substring(local.indexOf('.') + 1)),
                new Body(List.of(), range),
                range);
      }
      Attrs attrs = Attrs.ofValue(m, i.values(), i.location());
      ResourceContext r =
          new ResourceContext(
              m,
              b,
              i.type(),
              i.address(),
              loc,
              attrs,
              w,
              Value.explicit(true, List.of(i.location())),
              deferred);
      mapInstance(r, m, w);
    }
  }

  /**
   * The configuration directory and call lines of a module path of a plan (module.a["x"].module.b).
   */
  private ModuleInstance planModule(Session session, ModuleDir root, String path, String label) {
    ModuleDir dir = root;
    List<Location> chain = new ArrayList<>();
    if (!path.isEmpty()) {
      for (String seg : PlanJson.configAddress(path).split("\\.")) {
        if (seg.equals("module") || dir == null) continue;
        Block call = dir.modules.get(seg);
        String src = call == null ? null : Session.source(call);
        if (call != null) chain.add(new Location(call.range().file(), call.range().line()));
        dir = Session.isLocal(src) ? session.dirs.get(dir.path.resolve(src).normalize()) : null;
      }
    }
    if (dir == null) dir = new ModuleDir(root.path, root.display);
    return new ModuleInstance(
        session,
        dir,
        root.name(),
        label + (path.isEmpty() ? "" : path + "."),
        chain,
        chain.size(),
        Map.of(),
        Map.of());
  }

  private static List<Location> withLine(Location line, List<Location> trace) {
    List<Location> out = new ArrayList<>(List.of(line));
    for (Location l : trace) if (!out.contains(l)) out.add(l);
    return out;
  }

  private void map(
      ModuleInstance m,
      Block b,
      String type,
      String address,
      Location loc,
      Env env,
      Value<Boolean> exists,
      Workload w,
      List<Consumer<Workload>> deferred) {
    if (++instances > MAX_RESOURCE_INSTANCES) {
      if (instances == MAX_RESOURCE_INSTANCES + 1)
        notes.add(
            "more than "
                + MAX_RESOURCE_INSTANCES
                + " Terraform resource instances: the rest is not analysed");
      return;
    }
    Attrs attrs = new Attrs(m, b.body(), env, loc);
    mapInstance(new ResourceContext(m, b, type, address, loc, attrs, w, exists, deferred), m, w);
  }

  private void mapInstance(ResourceContext r, ModuleInstance m, Workload w) {
    String type = r.type;
    String address = r.address;
    Location loc = r.location;
    int before = w.resources().size();
    Mapper mapper = Mappers.BY_TYPE.get(type);
    Set<ResourceRef> references = Set.of();
    try {
      if (mapper != null) {
        mapper.map(r);
      } else {
        w.notAssessedTypes.merge(type, 1, Integer::sum);
        r.add(new GenericResource(m.scope, address, type, loc));
      }
      references = r.attrs.allRefs();
    } catch (FileGuard.Overrun overrun) {
      throw overrun; // the whole root module is over its time budget
    } catch (RuntimeException | StackOverflowError ex) {
      notes.add(
          loc + ": " + address + " could not be mapped (" + ex.getClass().getSimpleName() + ")");
    }
    Set<ResourceRef> depends = references;
    for (int i = before; i < w.resources().size(); i++) {
      Resource res = w.resources().get(i);
      depends.stream().filter(ref -> !ref.key().equals(res.key())).forEach(res.references::add);
      if (type.startsWith("aws_")) defaultTags.forEach(res.tags::putIfAbsent);
      if (!res.environment.present()) res.environment = environment(m, res);
    }
  }

  private static Value<String> environment(ModuleInstance m, Resource r) {
    Value<String> tagged = Production.environmentTag(r);
    if (tagged.present()) return tagged;
    for (ModuleInstance cur = m; cur != null; cur = null) {
      for (String v : cur.dir.variables.keySet()) {
        if (!Production.carriesEnvironment(v)) continue;
        Evaluated ev = cur.variable(v);
        if (ev.value() instanceof String s)
          return Value.explicit(
              s,
              ev.trace().isEmpty() ? List.of(m.at(cur.dir.variables.get(v).range())) : ev.trace());
        Unknown u = Evaluator.unknownOf(ev.value());
        if (u != null) return Value.unresolved(u.reason(), ev.trace());
      }
    }
    return Value.absent();
  }

  /**
   * Environments the repository describes: variable files and root directories named for an
   * environment.
   */
  private static void environmentEvidence(
      Workload w,
      Map<Path, ModuleDir> dirs,
      Map<Path, List<SourceFile>> tfvars,
      Set<Path> children) {
    for (List<SourceFile> l : tfvars.values()) {
      for (SourceFile f : l) {
        String base = environmentOfVarFile(f.path().getFileName().toString());
        if (Production.classify(base) != null) {
          w.environments.add(
              new Workload.EnvironmentEvidence(
                  base, "Terraform variable file " + f.display(), new Location(f.display(), 1)));
        }
      }
    }
    for (ModuleDir d : dirs.values()) {
      if (children.contains(d.path) || d.display.isEmpty() || d.files.isEmpty()) continue;
      String last = d.display.substring(d.display.lastIndexOf('/') + 1);
      if (Production.classify(last) != null) {
        w.environments.add(
            new Workload.EnvironmentEvidence(
                last,
                "Terraform root module " + d.display,
                new Location(d.files.get(0).path(), 1)));
      }
    }
  }
}

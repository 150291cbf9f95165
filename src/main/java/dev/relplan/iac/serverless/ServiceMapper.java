package dev.relplan.iac.serverless;

import static dev.relplan.iac.common.TypedSettings.or;

import dev.relplan.discover.SourceFile;
import dev.relplan.iac.common.AwsMessaging;
import dev.relplan.iac.common.GeneratedTemplates;
import dev.relplan.iac.common.ServerlessDeployCommands;
import dev.relplan.model.CoverageGap;
import dev.relplan.model.EventInvokeConfig;
import dev.relplan.model.Function;
import dev.relplan.model.Production;
import dev.relplan.model.Resource;
import dev.relplan.model.ResourceRef;
import dev.relplan.model.ServerlessTypes;
import dev.relplan.model.UsagePlan;
import dev.relplan.model.Value;
import dev.relplan.model.Workload;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ScalarNode;
import dev.relplan.parse.SeqNode;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One serverless.yml into the model: the stage it is assessed for, the provider's defaults, each
 * function as the {@code AWS::Lambda::Function} the framework generates (named by its logical id),
 * and what its events and failure handling generate ({@link EventMapper}).
 */
final class ServiceMapper {
  static final String DOCS_FUNCTIONS =
      "serverless.com/framework/docs/providers/aws/guide/functions";

  private final SourceFile file;
  private final MapNode raw;
  private final Workload workload;
  private final List<String> notes;
  private final String scope;
  private MapNode resolved;
  private Variables.Stage stage;
  private Value<String> environment = Value.absent();

  private final GeneratedTemplates templates;

  /** The deploy commands of the package.json scripts and Makefile beside the service. */
  private final List<ServerlessDeployCommands.Found> deploys;

  ServiceMapper(
      SourceFile file,
      Workload workload,
      List<String> notes,
      GeneratedTemplates templates,
      List<ServerlessDeployCommands.Found> deploys) {
    this.templates = templates;
    this.deploys = deploys;
    this.file = file;
    this.raw = (MapNode) file.document();
    this.workload = workload;
    this.notes = notes;
    this.scope = file.display();
  }

  String scope() {
    return scope;
  }

  MapNode resolved() {
    return resolved;
  }

  /** Maps the service; false when it is not an AWS service. */
  boolean map() {
    if (raw.get("provider") instanceof MapNode p
        && p.get("name") instanceof ScalarNode name
        && name.text() != null
        && !name.text().equals("aws")) {
      notes.add(
          file.display()
              + ": a Serverless Framework service for provider "
              + name.text()
              + ", not assessed");
      return false;
    }
    Variables variables = chooseStage();
    resolved = variables.resolveFile();
    stage = variables.stage();
    environment = environment();
    stageEvidence();
    Settings provider = new Settings(map(resolved, "provider"), scope);
    Settings functions = new Settings(map(resolved, "functions"), scope);
    for (MapNode.Entry e : functions.map().entries())
      if (e.value() instanceof MapNode fn)
        function(e.key(), e.keyLocation(), new Settings(fn, scope), provider);
    usagePlan(provider);
    resources();
    return true;
  }

  /** Logical ids the framework generates besides those of the model objects it maps. */
  private static final Set<String> FRAMEWORK_IDS =
      Set.of(
          "ServerlessDeploymentBucket",
          "IamRoleLambdaExecution",
          "ApiGatewayRestApi",
          "HttpApi",
          "HttpApiStage",
          "WebsocketsApi");

  /**
   * The {@code resources} section (one map, or a list of maps) as a CloudFormation template
   * evaluated by the CloudFormation adapter, in the service's scope so references between it and
   * the generated functions resolve both ways; parts included from other files are not read.
   */
  private void resources() {
    Node section = resolved.get("resources");
    if (section == null) return;
    List<Node> parts = section instanceof SeqNode seq ? seq.items() : List.of(section);
    Map<String, List<MapNode.Entry>> merged = new LinkedHashMap<>();
    for (Node part : parts) {
      if (part instanceof MapNode m) {
        for (String key : List.of("Resources", "Outputs", "Conditions", "Mappings"))
          if (m.get(key) instanceof MapNode block)
            merged.computeIfAbsent(key, k -> new ArrayList<>()).addAll(block.entries());
        if (m.has("extensions"))
          notes.add(
              file.display()
                  + ": resources.extensions (overrides of generated resources) are not applied");
      } else if (part instanceof ScalarNode s && Variables.UNRESOLVED.equals(s.tag())) {
        workload.coverageGaps.add(
            new CoverageGap(
                CoverageGap.Kind.INCLUDED_FILE,
                "resources",
                CoverageGap.Cause.UNRESOLVABLE,
                "resources included from elsewhere are not read: " + s.text(),
                s.location()));
      }
    }
    if (merged.isEmpty()) return;
    List<MapNode.Entry> sections = new ArrayList<>();
    merged.forEach(
        (key, entries) ->
            sections.add(
                new MapNode.Entry(
                    key, section.location(), new MapNode(section.location(), null, entries))));
    Set<String> generated = new HashSet<>(FRAMEWORK_IDS);
    for (Resource r : workload.resources()) generated.add(r.id);
    int before = workload.resources().size();
    templates.adaptGenerated(
        file, new MapNode(section.location(), null, sections), generated, workload);
    for (int i = before; i < workload.resources().size(); i++) {
      Resource r = workload.resources().get(i);
      if (!r.environment.present() && !r.environment.unresolved()) r.environment = environment;
      forgetDefaultedStage(r);
    }
  }

  private MapNode map(MapNode in, String key) {
    return in.get(key) instanceof MapNode m ? m : new MapNode(in.location(), null, List.of());
  }

  /**
   * The stage: a production stage among the file's {@code params}, as a production parameter file
   * is chosen for a template; else the one production stage the deploy scripts beside the file
   * (package.json, Makefile) deploy to; otherwise the file's own default.
   */
  private Variables chooseStage() {
    List<MapNode.Entry> production = new ArrayList<>();
    for (MapNode.Entry e : map(raw, "params").entries())
      if (!e.key().equals("default") && Boolean.TRUE.equals(Production.classify(e.key())))
        production.add(e);
    if (production.size() == 1) {
      MapNode.Entry chosen = production.get(0);
      notes.add(
          file.display()
              + ": assessed for stage "
              + chosen.key()
              + " (the production stage of its params), as deployed with --stage "
              + chosen.key());
      return new Variables(raw, chosen.key(), chosen.keyLocation());
    }
    List<ServerlessDeployCommands.Found> productionDeploys =
        deploys.stream().filter(d -> Boolean.TRUE.equals(Production.classify(d.stage()))).toList();
    if (production.isEmpty()
        && productionDeploys.stream().map(ServerlessDeployCommands.Found::stage).distinct().count()
            == 1) {
      ServerlessDeployCommands.Found chosen = productionDeploys.get(0);
      notes.add(
          file.display()
              + ": assessed for stage "
              + chosen.stage()
              + ", the production stage its deploy script deploys to (serverless deploy --stage "
              + chosen.stage()
              + " at "
              + chosen.location().file()
              + ":"
              + chosen.location().line()
              + ")");
      return new Variables(raw, chosen.stage(), chosen.location());
    }
    return new Variables(raw, null, null);
  }

  /**
   * The environment of the service's resources: the chosen or written stage; a stage chosen at
   * deployment that only defaults to a non-production one says nothing about where this copy runs.
   */
  private Value<String> environment() {
    if (stage.name() == null) return Value.unresolved(stage.how(), List.of(stage.location()));
    if (stage.chosen()) return Value.explicit(stage.name(), List.of(stage.location()));
    // provider.stage, literal or not, is only the default that `serverless deploy --stage`
    // replaces: a non-production default says nothing about where this copy is deployed.
    if (Boolean.TRUE.equals(Production.classify(stage.name())))
      return Value.explicit(stage.name(), List.of(stage.location()));
    return Value.unresolved(
        "the stage is chosen at deployment (--stage): it only defaults to '" + stage.name() + "'",
        List.of(stage.location()));
  }

  /**
   * A name built from a stage that is only the default says nothing about the environment either
   * ({@code orders-dev-charge} when deployed with {@code --stage prod} is {@code
   * orders-prod-charge}): such a name is not environment evidence, so it is left unresolved.
   */
  private void forgetDefaultedStage(Resource r) {
    if (!environment.unresolved() || stage.name() == null || !r.name.present()) return;
    String defaulted = stage.name().toLowerCase(Locale.ROOT);
    for (String word : r.name.get().toLowerCase(Locale.ROOT).split("[^a-z0-9]+"))
      if (word.equals(defaulted)) {
        r.name =
            Value.unresolved(
                "the name embeds the stage, which is chosen at deployment (--stage): '"
                    + r.name.get()
                    + "' only with the default stage '"
                    + stage.name()
                    + "'",
                r.name.trace());
        return;
      }
  }

  /** Every stage of {@code params} is an environment the service is deployed to. */
  private void stageEvidence() {
    for (MapNode.Entry e : map(raw, "params").entries())
      if (!e.key().equals("default"))
        workload.environments.add(
            new Workload.EnvironmentEvidence(
                e.key(), "Serverless Framework params stage", e.keyLocation()));
  }

  private void function(String name, Location at, Settings fn, Settings provider) {
    Function f = new Function(scope, LogicalIds.function(name), "AWS::Lambda::Function", at);
    f.name = fn.has("name") ? fn.str("name") : generatedName(name, at);
    f.timeoutSeconds =
        inherited(
                fn,
                provider,
                "timeout",
                6,
                "Serverless Framework functions time out after 6 seconds unless timeout is set ("
                    + DOCS_FUNCTIONS
                    + ")")
            .map(Integer.class::cast);
    f.runtime = inherited(fn, provider, "runtime", null, null).map(String::valueOf);
    f.handler = fn.str("handler");
    f.codeUri = codeUri(fn, at);
    f.reservedConcurrency = fn.integer("reservedConcurrency");
    f.provisionedConcurrency = fn.integer("provisionedConcurrency");
    f.deadLetterTarget = fn.ref("onError");
    // provider.environment applies to every function; the function's own variables win.
    AwsMessaging.sdkRetryEnvironment(f, provider, "environment");
    AwsMessaging.sdkRetryEnvironment(f, fn, "environment");
    add(f, fn);
    invokeConfig(name, f, fn);
    CanaryDeployments.of(
            this,
            plugins(),
            new Settings(map(map(resolved, "custom"), "deploymentSettings"), scope))
        .deploy(name, f, fn);
    new EventMapper(this, f, fn).map();
  }

  /** A function setting, else the provider's, else the framework's default. */
  private static Value<Object> inherited(
      Settings fn, Settings provider, String key, Object dflt, String why) {
    Value<Object> v = fn.has(key) ? fn.raw(key) : provider.raw(key);
    if (key.equals("timeout")) {
      Value<Integer> i = fn.has(key) ? fn.integer(key) : provider.integer(key);
      return or(i, (Integer) dflt, why).map(Object.class::cast);
    }
    return dflt == null ? v : or(v, dflt, why);
  }

  /** {@code service-stage-function}, the name the framework gives a function without one. */
  private Value<String> generatedName(String function, Location at) {
    if (!(resolved.get("service") instanceof ScalarNode s)
        || s.text() == null
        || stage.name() == null) return Value.absent();
    return Value.explicit(s.text() + "-" + stage.name() + "-" + function, List.of(at));
  }

  /** The framework packages the service folder: handlers are relative to serverless.yml. */
  private static Value<String> codeUri(Settings fn, Location at) {
    if (fn.has("image"))
      return Value.unresolved(
          "the function runs a container image, whose code is not read",
          List.of(fn.keyLocation("image")));
    if (fn.has("package.artifact"))
      return Value.unresolved(
          "the function's code is a prebuilt artifact (package.artifact)",
          List.of(fn.keyLocation("package.artifact")));
    return Value.explicit(".", List.of(at));
  }

  /**
   * The asynchronous invocation settings the framework generates ({@code <Name>LambdaEvConf}) from
   * {@code destinations}, {@code maximumRetryAttempts} and {@code maximumEventAge}.
   */
  private void invokeConfig(String name, Function f, Settings fn) {
    if (!fn.has("destinations") && !fn.has("maximumRetryAttempts") && !fn.has("maximumEventAge"))
      return;
    Location at =
        fn.has("destinations")
            ? fn.keyLocation("destinations")
            : fn.has("maximumRetryAttempts")
                ? fn.keyLocation("maximumRetryAttempts")
                : fn.keyLocation("maximumEventAge");
    EventInvokeConfig e =
        new EventInvokeConfig(
            scope,
            LogicalIds.normalized(name) + "LambdaEvConf",
            "AWS::Lambda::EventInvokeConfig",
            at);
    e.function = Value.explicit(f.ref(), List.of(f.location));
    e.onFailure = destination(fn, "destinations.onFailure");
    e.maximumRetryAttempts = fn.integer("maximumRetryAttempts");
    e.maximumEventAgeSeconds = fn.integer("maximumEventAge");
    add(e, fn);
  }

  /**
   * A destination: a function of this service by name, an ARN, a reference, or {@code {type, arn}}.
   */
  Value<Object> destination(Settings s, String path) {
    if (s.node(path) instanceof MapNode m && m.has("arn")) return s.ref(path + ".arn");
    Value<Object> v = s.ref(path);
    if (v.get() instanceof String text && map(resolved, "functions").has(text))
      return Value.explicit(new ResourceRef(scope, LogicalIds.function(text), null), v.trace());
    return v;
  }

  /**
   * The usage plan the framework creates for the REST API from {@code
   * provider.apiGateway.usagePlan} (or the older {@code provider.usagePlan}): its throttle limits
   * the API's request rate.
   */
  private void usagePlan(Settings provider) {
    String path =
        provider.has("apiGateway.usagePlan")
            ? "apiGateway.usagePlan"
            : provider.has("usagePlan") ? "usagePlan" : null;
    if (path == null || workload.get(scope + "#ApiGatewayDeployment") == null) return;
    Settings plan = provider.child(path);
    UsagePlan u =
        new UsagePlan(
            scope, "ApiGatewayUsagePlan", "AWS::ApiGateway::UsagePlan", provider.keyLocation(path));
    u.throttleRate = plan.number("throttle.rateLimit");
    u.apis =
        Value.explicit(
            List.of(new ResourceRef(scope, "ApiGatewayRestApi", null)), List.of(u.location));
    add(u, plan);
  }

  /** The plugins the service loads: a list, or the {@code modules} of a map. */
  private List<String> plugins() {
    Node p = resolved.get("plugins");
    if (p instanceof MapNode m) p = m.get("modules");
    List<String> out = new ArrayList<>();
    if (p instanceof SeqNode seq)
      for (Node n : seq.items())
        if (n instanceof ScalarNode s && s.text() != null) out.add(s.text());
    return out;
  }

  Variables.Stage stage() {
    return stage;
  }

  List<String> notes() {
    return notes;
  }

  String display() {
    return file.display();
  }

  /** Adds a generated resource with the service's environment and what its settings reference. */
  void add(Resource r, Settings settings) {
    r.environment = environment;
    r.declaredType = ServerlessTypes.generated(r.type);
    forgetDefaultedStage(r);
    Set<ResourceRef> refs = settings.allRefs();
    refs.stream().filter(ref -> !ref.key().equals(r.key())).forEach(r.references::add);
    workload.add(r);
  }

  Workload workload() {
    return workload;
  }
}

package dev.relplan.generate;

import dev.relplan.model.Alarm;
import dev.relplan.model.DeploymentGroup;
import dev.relplan.model.Function;
import dev.relplan.model.Resource;
import dev.relplan.model.ResourceRef;
import dev.relplan.model.Workload;
import dev.relplan.parse.MapNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * REL-DEPLOY-ALL-AT-ONCE on a SAM function: AutoPublishAlias and a DeploymentPreference (10% of
 * traffic for 5 minutes, then the rest) stopped and rolled back by the function's Errors alarm, the
 * template's own or a new one on the alias. SAM's DeploymentPreference requires AutoPublishAlias
 * and takes Type and Alarms (AWS SAM Developer Guide, "DeploymentPreference"). Plain
 * AWS::Lambda::Function and Terraform functions are listed with the reason: their gradual
 * deployment is a CodeDeploy application, deployment group, service role and alias, and a pipeline
 * that publishes versions through it, which is a design change rather than a patch.
 */
final class LambdaDeploymentFix implements MechanicalFix {
  static final String ALIAS = "live";
  static final String COST =
      "CodeDeploy for Lambda is free and SAM adds its application, deployment group and service"
          + " role; a new CloudWatch alarm is about USD 0.10 a month. Each deployment now takes"
          + " about 5 minutes longer (10% of invocations on the new version, then all of them) and"
          + " rolls back when the alarm fires; every deployment publishes a version, and the"
          + " function's events now invoke the alias (SAM replaces their event source mappings"
          + " and permissions once)";

  @Override
  public Set<String> rules() {
    return Set.of("REL-DEPLOY-ALL-AT-ONCE");
  }

  @Override
  public boolean edits(Resource r) {
    if (r instanceof DeploymentGroup)
      return Fixes.inTemplate(r) && "AWS::Serverless::Function".equals(r.writtenType());
    return r instanceof Function && (Fixes.inTemplate(r) || Fixes.inTerraform(r));
  }

  /** The function itself, or the SAM function whose DeploymentPreference made the group. */
  private static Function function(FixTarget t) {
    if (t.subject instanceof DeploymentGroup g && g.targets.present())
      for (Object target : g.targets.get())
        if (t.workload.resolve(target) instanceof Function f) return f;
    return t.subject instanceof Function f ? f : null;
  }

  @Override
  public FixOutcome apply(FixTarget t) throws YamlTemplate.NotEditable {
    Function f = function(t);
    if (f == null) return FixOutcome.left("the function it deploys is not known");
    String notPatched = notPatched(f);
    if (notPatched != null) return FixOutcome.left(notPatched);
    YamlTemplate template = t.file().template();
    MapNode props = template.properties(f.id);
    if (props == null) throw new YamlTemplate.NotEditable("its Properties are not in block style");
    String direct = directInvokers(f, props, t);
    if (direct != null)
      return FixOutcome.left(
          direct
              + " invokes the function itself, not its alias, and would keep getting every new"
              + " version at once: point it at the alias (!Ref "
              + f.id
              + ".Alias) together with AutoPublishAlias and a DeploymentPreference");
    List<String> lines = new ArrayList<>();
    String alias = ALIAS;
    MapNode.Entry published = props.entry("AutoPublishAlias");
    if (published != null) {
      alias = TemplateNodes.literal(published.value());
      if (alias == null)
        return FixOutcome.left(
            "its AutoPublishAlias is set by an expression: add a DeploymentPreference by hand");
    } else {
      lines.add("AutoPublishAlias: " + ALIAS);
    }
    MapNode.Entry preference = props.entry("DeploymentPreference");
    MapNode written = preference == null ? null : TemplateNodes.block(template, preference.value());
    boolean hasAlarms = written != null && written.entry("Alarms") != null;
    String alarm = errorsAlarm(f, t.workload);
    List<UnifiedDiff.Insertion> insertions = new ArrayList<>();
    String made;
    if (alarm == null && !hasAlarms) {
      alarm = template.free(f.id + "ErrorsAlarm", t.file().taken());
      insertions.add(template.resources(newAlarm(alarm, f.id, alias, template.condition(f.id))));
      made = "a new alarm " + alarm + " on the alias's Errors (1 or more in a minute)";
    } else {
      made = "its Errors alarm " + alarm;
    }
    if (preference != null) {
      if (!lines.isEmpty()) insertions.add(0, template.firstProperties(f.id, lines));
      return existing(template, preference, alarm, made, insertions);
    }
    lines.addAll(
        List.of(
            "DeploymentPreference:",
            "  Type: Canary10Percent5Minutes",
            "  Alarms:",
            "    - !Ref " + alarm));
    insertions.add(0, template.firstProperties(f.id, lines));
    return FixOutcome.edited(
        (published == null ? "AutoPublishAlias: " + ALIAS + " and a" : "A")
            + " DeploymentPreference Canary10Percent5Minutes rolled back by "
            + made
            + ". Cost: "
            + COST
            + ".",
        insertions.toArray(UnifiedDiff.Insertion[]::new));
  }

  /** Why the function gets no DeploymentPreference patch, or null when it does. */
  private static String notPatched(Function f) {
    if (Fixes.inTerraform(f))
      return "a gradual Lambda deployment in Terraform is an aws_lambda_alias, an"
          + " aws_codedeploy_app, an aws_codedeploy_deployment_group with"
          + " CodeDeployDefault.LambdaCanary10Percent5Minutes, an IAM role, and a pipeline that"
          + " publishes versions through CodeDeploy: not a patch; see the finding's advice";
    if (!"AWS::Serverless::Function".equals(f.writtenType()))
      return "a plain AWS::Lambda::Function deploys gradually only through an AWS::Lambda::Version,"
          + " an AWS::Lambda::Alias with an UpdatePolicy CodeDeployLambdaAliasUpdate, a"
          + " CodeDeploy application, deployment group and role: not a patch; see the finding's"
          + " advice (or make it an AWS::Serverless::Function with a DeploymentPreference)";
    if (f.scheduledOnly())
      return "it runs only on a schedule, so there is no steady traffic for a canary to shift: alarm"
          + " on its Errors, keep an alias to roll back to and make the job idempotent (the"
          + " finding's advice)";
    return null;
  }

  /**
   * A DeploymentPreference already written: an AllAtOnce Type made Canary10Percent5Minutes,
   * Enabled: false made true, and Alarms added when it has none; literals only.
   */
  private static FixOutcome existing(
      YamlTemplate template,
      MapNode.Entry preference,
      String alarm,
      String made,
      List<UnifiedDiff.Insertion> insertions) {
    MapNode block = TemplateNodes.block(template, preference.value());
    String why =
        "its DeploymentPreference is set by an expression: give it Type Canary10Percent5Minutes,"
            + " Enabled true and Alarms where its value comes from";
    if (block == null) return FixOutcome.left(why);
    List<String> changed = new ArrayList<>();
    MapNode.Entry type = block.entry("Type");
    String typeText = type == null ? null : TemplateNodes.literal(type.value());
    if (type != null && typeText == null) return FixOutcome.left(why);
    if (typeText == null || typeText.contains("AllAtOnce")) {
      insertions.add(
          type == null
              ? TemplateNodes.firstEntries(
                  template, block, List.of("Type: Canary10Percent5Minutes"))
              : TemplateNodes.replace(template, block, type, "Canary10Percent5Minutes"));
      changed.add("Type Canary10Percent5Minutes");
    }
    MapNode.Entry enabled = block.entry("Enabled");
    if (enabled != null && !"true".equals(TemplateNodes.literal(enabled.value()))) {
      UnifiedDiff.Insertion on = TemplateNodes.replace(template, block, enabled, "true");
      if (on == null) return FixOutcome.left(why);
      insertions.add(on);
      changed.add("Enabled true");
    }
    if (block.entry("Alarms") == null) {
      insertions.add(
          TemplateNodes.firstEntries(template, block, List.of("Alarms:", "  - !Ref " + alarm)));
      changed.add("rolled back by " + made);
    }
    if (insertions.stream().anyMatch(i -> i == null)) return FixOutcome.left(why);
    return FixOutcome.edited(
        "DeploymentPreference " + String.join(", ", changed) + ". Cost: " + COST + ".",
        insertions.toArray(UnifiedDiff.Insertion[]::new));
  }

  /**
   * What invokes the function other than its own Events (which SAM points at the alias): an event
   * source mapping, subscription or integration declared elsewhere that names the function.
   */
  private static String directInvokers(Function f, MapNode props, FixTarget t) {
    Set<Integer> eventLines = new HashSet<>();
    if (props.get("Events") instanceof MapNode events)
      for (MapNode.Entry e : events.entries()) eventLines.add(e.keyLocation().line());
    List<String> found = new ArrayList<>();
    for (Function.Trigger trigger : f.triggers) {
      var at = trigger.location();
      if (at == null) continue;
      boolean ownEvent = at.file().equals(f.location.file()) && eventLines.contains(at.line());
      if (!ownEvent) found.add(declaredAt(at, t));
    }
    return found.isEmpty() ? null : String.join(", ", found);
  }

  /**
   * The resource declared at a location, with the location ("ClickstreamMapping (app.yaml:259)").
   */
  private static String declaredAt(dev.relplan.source.Location at, FixTarget t) {
    String where = t.texts.relative(at.file()) + ":" + at.line();
    for (Resource r : t.workload.resources())
      if (r.location.file().equals(at.file()) && r.location.line() == at.line())
        return r.id + " (" + where + ")";
    return "what is declared at " + where;
  }

  /** An alarm of the same template on the function's AWS/Lambda Errors metric, or null. */
  private static String errorsAlarm(Function f, Workload w) {
    for (Alarm a : w.all(Alarm.class)) {
      if (!a.location.file().equals(f.location.file())
          || !"AWS/Lambda".equals(a.namespace.orElse(""))
          || !"Errors".equals(a.metricName.orElse(""))) continue;
      for (ResourceRef r : a.dimensionRefs) if (r.key().equals(f.key())) return a.id;
    }
    return null;
  }

  /**
   * An alarm on the alias's Errors (FunctionName and Resource "function:alias" dimensions, as
   * Lambda publishes per-alias metrics: Lambda Developer Guide, "Types of metrics for Lambda
   * functions"), breaching at one error in a minute; it needs no action, CodeDeploy watches it.
   */
  private static List<String> newAlarm(String name, String function, String alias, String cond) {
    List<String> lines = new ArrayList<>(List.of(name + ":", "  Type: AWS::CloudWatch::Alarm"));
    if (cond != null) lines.add("  Condition: " + cond);
    lines.addAll(
        List.of(
            "  Properties:",
            "    AlarmDescription: Errors on the "
                + alias
                + " alias of "
                + function
                + "; stops and rolls back its gradual deployments",
            "    Namespace: AWS/Lambda",
            "    MetricName: Errors",
            "    Dimensions:",
            "      - Name: FunctionName",
            "        Value: !Ref " + function,
            "      - Name: Resource",
            "        Value: !Sub ${" + function + "}:" + alias,
            "    Statistic: Sum",
            "    Period: 60",
            "    EvaluationPeriods: 1",
            "    Threshold: 1",
            "    ComparisonOperator: GreaterThanOrEqualToThreshold",
            "    TreatMissingData: notBreaching"));
    return lines;
  }
}

package dev.relplan.iac.cdk;

import static dev.relplan.iac.common.TypedSettings.or;

import dev.relplan.iac.common.Evaluated;
import dev.relplan.model.BackupPlan;
import dev.relplan.model.BackupSelection;
import dev.relplan.model.DeploymentGroup;
import dev.relplan.model.EventRule;
import dev.relplan.model.Resource;
import dev.relplan.model.ResourceRef;
import dev.relplan.model.Unknown;
import dev.relplan.model.Value;
import dev.relplan.model.Workload;
import dev.relplan.parse.javascript.JsFile;
import dev.relplan.parse.javascript.JsNode;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * EventBridge rules and their targets ({@code events.Rule}, {@code rule.addTarget}), AWS Backup
 * plans ({@code backup.BackupPlan}, {@code addRule}, {@code addSelection} with {@code
 * BackupResource}s) and CodeDeploy's {@code LambdaDeploymentGroup}, with the construct library's
 * defaults.
 */
final class OperationsMappers {
  private OperationsMappers() {}

  static void eventRule(Construct c, Workload draft) {
    CdkProps p = c.props();
    EventRule r = new EventRule(c.scope(), c.id(), "AWS::Events::Rule", c.location());
    JsNode schedule = p.node("schedule");
    if (schedule != null)
      r.schedule =
          Value.explicit(Expressions.excerpt(schedule), List.of(p.keyLocation("schedule")));
    r.state =
        or(p.bool("enabled"), true, ConstructMappers.constructDefault(c, "is enabled"))
            .map(on -> on ? "ENABLED" : "DISABLED");
    JsNode targets = p.node("targets");
    if (targets != null && targets.unwrap().is("array"))
      for (JsNode t : targets.unwrap().children)
        if (!t.is("comment")) target(p.expressions(), r, t);
    c.add(r, draft);
  }

  /**
   * {@code new targets.LambdaFunction(fn, {deadLetterQueue, retryAttempts})} and the other target
   * classes: the resource they deliver to and their failure handling (no dead-letter queue by
   * default, EventBridge's own retries).
   */
  private static void target(Expressions x, EventRule rule, JsNode expression) {
    Evaluated created = x.eval(expression);
    if (!(created.value() instanceof Expressions.Created target)) return;
    List<JsNode> args = JsFile.arguments(target.node());
    Location at = x.at(target.node());
    Evaluated destination = args.isEmpty() ? Evaluated.of(null) : x.eval(args.get(0));
    Value<Object> arn =
        destination.value() instanceof ResourceRef ref
            ? Value.explicit(bare(ref), List.of(at))
            : Value.unresolved(
                "the target " + Expressions.excerpt(target.node()) + " is not followed",
                List.of(at));
    CdkProps options = CdkProps.of(x, args.size() > 1 ? args.get(1) : null, at);
    Value<Object> deadLetter = options.ref("deadLetterQueue");
    if (!deadLetter.present() && !deadLetter.unresolved())
      deadLetter =
          Value.defaulted(
              null,
              "the AWS CDK event target has no dead-letter queue unless deadLetterQueue is set");
    rule.targets.add(
        new EventRule.Target(
            "Target" + rule.targets.size(), arn, deadLetter, options.integer("retryAttempts"), at));
    if (arn.get() instanceof ResourceRef ref) rule.references.add(ref);
  }

  static ResourceRef bare(ResourceRef ref) {
    return new ResourceRef(ref.scope(), ref.id(), null);
  }

  static void backupPlan(Construct c, Workload draft) {
    CdkProps p = c.props();
    BackupPlan plan = new BackupPlan(c.scope(), c.id(), "AWS::Backup::BackupPlan", c.location());
    JsNode rules = p.node("backupPlanRules");
    if (rules != null && rules.unwrap().is("array"))
      for (JsNode rule : rules.unwrap().children)
        if (!rule.is("comment")) rule(p.expressions(), plan, rule);
    c.add(plan, draft);
  }

  /**
   * {@code new backup.BackupPlanRule({deleteAfter, scheduleExpression, copyActions})} or {@code
   * BackupPlanRule.daily()} (and the other frequencies): kept 35 days unless {@code deleteAfter}.
   */
  private static void rule(Expressions x, BackupPlan plan, JsNode expression) {
    JsNode n = expression.unwrap();
    if (n.is("identifier")) {
      JsNode bound = x.file().binding(n.text(), n);
      if (bound != null) n = bound.unwrap();
    }
    Location at = x.at(n);
    String name = x.cdkName(n.is("call_expression") ? n.field("function") : null);
    if (name != null && name.startsWith("aws_backup.BackupPlanRule.")) {
      String frequency = name.substring(name.lastIndexOf('.') + 1);
      plan.rules.add(
          new BackupPlan.Rule(
              frequency,
              Value.explicit(frequency, List.of(at)),
              frequencyRetention(frequency),
              Value.defaulted(false, "continuous backup is off by default"),
              List.of(),
              at));
      return;
    }
    if (!n.is("new_expression")) return;
    List<JsNode> args = JsFile.arguments(n);
    CdkProps r = CdkProps.of(x, args.isEmpty() ? null : args.get(0), at);
    List<BackupPlan.CopyAction> copies = new ArrayList<>();
    for (CdkProps copy : r.nested("copyActions"))
      copies.add(
          new BackupPlan.CopyAction(
              copy.ref("destinationBackupVault"), copy.days("deleteAfter"), copy.location()));
    plan.rules.add(
        new BackupPlan.Rule(
            r.str("ruleName").orElse("rule"),
            r.has("scheduleExpression")
                ? Value.explicit(
                    Expressions.excerpt(r.node("scheduleExpression")),
                    List.of(r.keyLocation("scheduleExpression")))
                : Value.defaulted(
                    "cron(0 5 ? * * *)",
                    "AWS Backup runs rules daily at 05:00 UTC when no schedule is set"),
            r.days("deleteAfter"),
            or(r.bool("enableContinuousBackup"), false, "continuous backup is off by default"),
            copies,
            at));
  }

  /** The retention of the rules BackupPlanRule's factories make. */
  private static Value<Integer> frequencyRetention(String frequency) {
    Integer days =
        switch (frequency) {
          case "daily" -> 35;
          case "weekly" -> 90;
          case "monthly1Year" -> 365;
          case "monthly5Year" -> 5 * 365;
          case "monthly7Year" -> 7 * 365;
          default -> null;
        };
    return days == null
        ? Value.absent()
        : Value.defaulted(
            days,
            "the AWS CDK rule BackupPlanRule." + frequency + "() keeps backups " + days + " days");
  }

  /**
   * {@code plan.addSelection('Id', {resources: [BackupResource.fromDynamoDbTable(table), …]})}:
   * constructs of the file by reference, ARNs as written, tags as conditions, the stack itself as
   * every resource.
   */
  static void addSelection(
      Expressions x, ResourceRef plan, JsNode call, List<JsNode> args, Workload draft) {
    String name =
        args.isEmpty() || args.get(0).stringValue() == null
            ? "Selection"
            : args.get(0).stringValue();
    Location at = x.at(call);
    BackupSelection s =
        new BackupSelection(
            plan.scope(), plan.id() + "/" + name, "AWS::Backup::BackupSelection", at);
    s.plan = Value.explicit(plan, List.of(at));
    CdkProps p = CdkProps.of(x, args.size() > 1 ? args.get(1) : null, at);
    JsNode resources = p.node("resources");
    List<Object> selected = new ArrayList<>();
    List<Object> tags = new ArrayList<>();
    if (resources == null || !resources.unwrap().is("array")) {
      s.resources = Value.unresolved("the selected resources are not a list", List.of(at));
    } else {
      for (JsNode item : resources.unwrap().children)
        if (!item.is("comment")) selected(x, item, selected, tags);
      s.resources = Value.explicit(selected, List.of(p.keyLocation("resources")));
      if (!tags.isEmpty())
        s.tagConditions = Value.explicit(tags, List.of(p.keyLocation("resources")));
    }
    s.references.add(plan);
    for (Object o : selected) if (o instanceof ResourceRef r) s.references.add(r);
    draft.add(s);
  }

  private static void selected(
      Expressions x, JsNode item, List<Object> resources, List<Object> tags) {
    JsNode n = item.unwrap();
    String name = n.is("call_expression") ? x.cdkName(n.field("function")) : null;
    if (name == null || !name.startsWith("aws_backup.BackupResource.")) {
      resources.add(
          new Unknown("the backup resource " + Expressions.excerpt(n) + " is not followed"));
      return;
    }
    String method = name.substring(name.lastIndexOf('.') + 1);
    List<JsNode> args = JsFile.arguments(n);
    Object first = args.isEmpty() ? null : x.eval(args.get(0)).value();
    if (method.equals("fromTag")) {
      Object value = args.size() > 1 ? x.eval(args.get(1)).value() : "*";
      tags.add(first + "=" + value);
    } else if (method.equals("fromConstruct")
        && !args.isEmpty()
        && args.get(0).unwrap().is("this")) {
      resources.add("*"); // every supported resource of the stack
    } else if (first instanceof ResourceRef ref) {
      resources.add(bare(ref));
    } else if (method.equals("fromArn") && first instanceof String arn) {
      resources.add(arn);
    } else {
      resources.add(
          new Unknown("the backup resource " + Expressions.excerpt(n) + " is not followed"));
    }
  }

  static void lambdaDeploymentGroup(Construct c, Workload draft) {
    CdkProps p = c.props();
    DeploymentGroup g =
        new DeploymentGroup(c.scope(), c.id(), "AWS::CodeDeploy::DeploymentGroup", c.location());
    g.computePlatform = Value.explicit("Lambda", List.of(c.location()));
    Value<String> config = p.str("deploymentConfig");
    g.deploymentConfig =
        config.present()
            ? config.map(OperationsMappers::lambdaConfig)
            : or(
                config,
                "CodeDeployDefault.LambdaCanary10Percent5Minutes",
                ConstructMappers.constructDefault(
                    c, "shifts 10% of traffic, then the rest after 5 minutes"));
    JsNode alarms = p.node("alarms");
    g.alarms = p.list("alarms").map(l -> (List<Object>) new ArrayList<Object>(l));
    if (!g.alarms.present() && !g.alarms.unresolved())
      g.alarms = Value.defaulted(List.of(), "no alarms");
    g.alarmsEnabled = g.alarms.map(a -> !a.isEmpty());
    Value<Boolean> failed =
        or(
            p.bool("autoRollback.failedDeployment"),
            true,
            ConstructMappers.constructDefault(c, "rolls back a failed deployment"));
    g.autoRollbackEnabled = failed;
    boolean withAlarms = alarms != null && g.alarms.present() && !g.alarms.get().isEmpty();
    g.autoRollbackEvents =
        failed.map(
            on -> {
              List<Object> events = new ArrayList<>();
              if (on) events.add("DEPLOYMENT_FAILURE");
              if (withAlarms) events.add("DEPLOYMENT_STOP_ON_ALARM");
              return events;
            });
    g.targets = aliasFunction(c);
    c.add(g, draft);
  }

  /**
   * The function behind the group's alias: {@code new lambda.Alias(…, {version:
   * fn.currentVersion})} or {@code fn.addAlias('live')}.
   */
  private static Value<List<Object>> aliasFunction(Construct c) {
    CdkProps p = c.props();
    Expressions x = p.expressions();
    JsNode alias = p.node("alias");
    Location at = p.keyLocation("alias");
    if (alias == null) return Value.unresolved("the group names no alias", List.of(c.location()));
    JsNode n = alias.unwrap();
    if (n.is("identifier") && x.file().binding(n.text(), n) != null)
      n = x.file().binding(n.text(), n).unwrap();
    ResourceRef fn = null;
    if (n.is("new_expression")) {
      List<JsNode> args = JsFile.arguments(n);
      CdkProps aliasProps = CdkProps.of(x, args.size() > 2 ? args.get(2) : null, x.at(n));
      if (aliasProps.ref("version").get() instanceof ResourceRef r) fn = bare(r);
    } else if (n.is("call_expression")
        && n.field("function") != null
        && n.field("function").is("member_expression")) {
      Evaluated owner = x.eval(n.field("function").field("object"));
      if (owner.value() instanceof ResourceRef r) fn = bare(r);
    }
    if (fn == null)
      return Value.unresolved(
          "the alias " + Expressions.excerpt(alias) + " is not followed", List.of(at));
    return Value.explicit(List.of(fn), List.of(at));
  }

  /** {@code LambdaDeploymentConfig.CANARY_10PERCENT_5MINUTES} as CodeDeploy names it. */
  static String lambdaConfig(String member) {
    StringBuilder out = new StringBuilder("CodeDeployDefault.Lambda");
    for (String word : member.toLowerCase(Locale.ROOT).split("_")) {
      int letter = 0;
      while (letter < word.length() && Character.isDigit(word.charAt(letter))) letter++;
      out.append(word, 0, letter);
      if (letter < word.length())
        out.append(Character.toUpperCase(word.charAt(letter))).append(word.substring(letter + 1));
    }
    return out.toString();
  }

  /** Calls that add to a rule or a plan declared in the file. */
  static void read(Expressions x, Workload draft) {
    for (Expressions.MethodCall m : x.methodCalls()) {
      String method = m.method();
      if (!method.equals("addTarget")
          && !method.equals("addRule")
          && !method.equals("addSelection")) continue;
      if (!(x.eval(m.receiver()).value() instanceof ResourceRef ref)) continue;
      JsNode call = m.call();
      Resource owner = draft.get(bare(ref).key());
      List<JsNode> args = JsFile.arguments(call);
      if (owner instanceof EventRule rule && method.equals("addTarget") && !args.isEmpty())
        target(x, rule, args.get(0));
      else if (owner instanceof BackupPlan plan && method.equals("addRule") && !args.isEmpty())
        rule(x, plan, args.get(0));
      else if (owner instanceof BackupPlan && method.equals("addSelection"))
        addSelection(x, bare(ref), call, args, draft);
    }
  }
}

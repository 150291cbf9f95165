package dev.relplan.iac.cdk;

import static dev.relplan.iac.common.TypedSettings.or;

import dev.relplan.model.ComputeGroup;
import dev.relplan.model.ResourceRef;
import dev.relplan.model.ScalingPolicy;
import dev.relplan.model.Value;
import dev.relplan.model.Workload;
import dev.relplan.parse.javascript.JsFile;
import dev.relplan.parse.javascript.JsNode;
import dev.relplan.source.Location;
import java.util.List;

/**
 * {@code autoscaling.AutoScalingGroup} with the construct's capacity defaults, and the scaling
 * policies its methods add ({@code asg.scaleOnCpuUtilization('Cpu', {...})}, {@code
 * scaleOnRequestCount}, {@code scaleOnMetric}, {@code scaleOnSchedule}, {@code scaleToTrackMetric},
 * …).
 */
final class AutoScalingMappers {
  private AutoScalingMappers() {}

  static void autoScalingGroup(Construct c, Workload draft) {
    CdkProps p = c.props();
    ComputeGroup g =
        new ComputeGroup(c.scope(), c.id(), "AWS::AutoScaling::AutoScalingGroup", c.location());
    g.kind = ComputeGroup.Kind.AUTO_SCALING_GROUP;
    g.min =
        or(
            p.integer("minCapacity"),
            1,
            ConstructMappers.constructDefault(
                c, "keeps at least 1 instance unless minCapacity is set"));
    g.desired = p.integer("desiredCapacity");
    g.max = maxCapacity(c, g);
    g.healthCheckType =
        p.has("healthCheck") || p.has("healthChecks")
            ? Value.unresolved(
                "the health check "
                    + p.keyLocation(p.has("healthCheck") ? "healthCheck" : "healthChecks")
                    + " is not read",
                List.of(p.keyLocation(p.has("healthCheck") ? "healthCheck" : "healthChecks")))
            : Value.defaulted(
                "EC2",
                ConstructMappers.constructDefault(
                    c, "uses EC2 status checks unless healthCheck or healthChecks is set"));
    c.add(g, draft);
  }

  /**
   * {@code maxCapacity} as written; unset, the construct uses {@code desiredCapacity}, else the
   * larger of {@code minCapacity} and 1.
   */
  private static Value<Integer> maxCapacity(Construct c, ComputeGroup g) {
    Value<Integer> written = c.props().integer("maxCapacity");
    if (written.present() || written.unresolved()) return written;
    if (g.desired.present())
      return Value.defaulted(
          g.desired.get(),
          ConstructMappers.constructDefault(
              c, "scales up to desiredCapacity unless maxCapacity is set"));
    if (g.desired.unresolved() || g.min.unresolved())
      return Value.unresolved(
          "maxCapacity follows desiredCapacity or minCapacity, which are not known",
          List.of(c.location()));
    return Value.defaulted(
        Math.max(g.min.get(), 1),
        ConstructMappers.constructDefault(c, "scales up to minCapacity unless maxCapacity is set"));
  }

  /** Reads every scaling-policy method called on a declared Auto Scaling group. */
  static void read(Expressions x, Workload draft) {
    for (Expressions.MethodCall m : x.methodCalls()) {
      String method = m.method();
      if (!(method.startsWith("scaleOn") || method.equals("scaleToTrackMetric"))) continue;
      if (!(x.eval(m.receiver()).value() instanceof ResourceRef ref)
          || !(draft.resolve(ref) instanceof ComputeGroup g)
          || g.kind != ComputeGroup.Kind.AUTO_SCALING_GROUP) continue;
      JsNode call = m.call();
      List<JsNode> args = JsFile.arguments(call);
      String name =
          args.isEmpty() || args.get(0).stringValue() == null ? method : args.get(0).stringValue();
      Location at = x.at(call);
      ScalingPolicy policy =
          new ScalingPolicy(g.scope, g.id + "/" + name, "AWS::AutoScaling::ScalingPolicy", at);
      ResourceRef target = g.ref();
      policy.target = Value.explicit(target, List.of(at));
      policy.policyType = Value.explicit(policyType(method), List.of(at));
      policy.references.add(target);
      if (draft.get(policy.key()) == null) draft.add(policy);
    }
  }

  /**
   * The policy type a scaling method adds, for Auto Scaling groups and ECS task counts alike:
   * {@code scaleOnSchedule} a scheduled action, {@code scaleOnMetric} step scaling, the others
   * target tracking.
   */
  static String policyType(String method) {
    return method.equals("scaleOnSchedule")
        ? "Scheduled"
        : method.equals("scaleOnMetric") ? "StepScaling" : "TargetTrackingScaling";
  }
}

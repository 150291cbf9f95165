package dev.relplan.iac.cdk;

import static dev.relplan.iac.common.TypedSettings.or;

import dev.relplan.iac.common.AwsCompute;
import dev.relplan.model.ComputeGroup;
import dev.relplan.model.LoadBalancer;
import dev.relplan.model.Resource;
import dev.relplan.model.ResourceRef;
import dev.relplan.model.ScalableTarget;
import dev.relplan.model.ScalingPolicy;
import dev.relplan.model.TargetGroup;
import dev.relplan.model.Value;
import dev.relplan.model.Workload;
import dev.relplan.parse.javascript.JsFile;
import dev.relplan.parse.javascript.JsNode;
import dev.relplan.source.Location;
import java.util.List;

/**
 * ECS services: {@code ecs.FargateService} and {@code Ec2Service}, and the {@code ecs_patterns}
 * load-balanced Fargate services, which synthesise a service, an application or network load
 * balancer and its target group; {@code service.autoScaleTaskCount(…)} and its scaling policies.
 * Ids follow the construct paths ({@code Web/Service/Service}, {@code Web/LB}).
 */
final class ContainerMappers {
  private ContainerMappers() {}

  static void fargateService(Construct c, Workload draft) {
    service(c, c.id(), "FARGATE", draft);
  }

  static void ec2Service(Construct c, Workload draft) {
    service(c, c.id(), "EC2", draft);
  }

  /** A service's task count, deployment and rollback settings, with the construct's defaults. */
  private static ComputeGroup service(Construct c, String id, String launchType, Workload draft) {
    CdkProps p = c.props();
    ComputeGroup g = new ComputeGroup(c.scope(), id, "AWS::ECS::Service", c.location());
    g.kind = ComputeGroup.Kind.ECS_SERVICE;
    g.desired =
        or(
            p.integer("desiredCount"),
            1,
            ConstructMappers.constructDefault(c, "starts one task unless desiredCount is set"));
    g.min = g.desired;
    g.max = g.desired;
    g.launchType = Value.explicit(launchType, List.of(c.location()));
    g.deploymentController =
        or(
            p.str("deploymentController.type"),
            "ECS",
            "ECS rolling update is the default controller");
    if (p.has("circuitBreaker")) {
      g.circuitBreakerEnabled =
          or(
              p.bool("circuitBreaker.enable"),
              true,
              "a circuitBreaker is enabled unless enable is false");
      g.circuitBreakerRollback =
          or(
              p.bool("circuitBreaker.rollback"),
              false,
              ConstructMappers.constructDefault(
                  c, "does not roll back unless circuitBreaker.rollback is true"));
    } else {
      String why =
          ConstructMappers.constructDefault(
              c, "has no deployment circuit breaker unless circuitBreaker is set");
      g.circuitBreakerEnabled =
          p.raw("circuitBreaker").unresolved()
              ? p.bool("circuitBreaker")
              : Value.defaulted(false, why);
      g.circuitBreakerRollback = g.circuitBreakerEnabled;
    }
    g.deploymentAlarmsRollback =
        p.has("deploymentAlarms")
            ? or(
                    p.str("deploymentAlarms.behavior"),
                    "ROLLBACK_ON_ALARM",
                    "deployment alarms roll back by default")
                .map(b -> b.equals("ROLLBACK_ON_ALARM"))
            : Value.defaulted(false, "no deployment alarms");
    // Only what the app writes: the template leaves them to ECS unless set.
    g.minHealthyPercent = p.integer("minHealthyPercent");
    g.maxPercent = p.integer("maxHealthyPercent");
    g.healthCheckGracePeriod = p.seconds("healthCheckGracePeriod");
    c.add(g, draft);
    return g;
  }

  /**
   * {@code ApplicationLoadBalancedFargateService} / {@code NetworkLoadBalancedFargateService}: the
   * service, its load balancer (internet-facing unless publicLoadBalancer is false) and the target
   * group the service registers with (health checked on "/" by default).
   */
  static void loadBalancedFargateService(Construct c, Workload draft) {
    CdkProps p = c.props();
    boolean application = c.name().contains("Application");
    ComputeGroup g = service(c, c.id() + "/Service/Service", "FARGATE", draft);
    LoadBalancer lb =
        new LoadBalancer(
            c.scope(), c.id() + "/LB", "AWS::ElasticLoadBalancingV2::LoadBalancer", c.location());
    lb.lbType = Value.explicit(application ? "application" : "network", List.of(c.location()));
    lb.scheme =
        or(
                p.bool("publicLoadBalancer"),
                true,
                ConstructMappers.constructDefault(c, "creates an internet-facing load balancer"))
            .map(pub -> pub ? "internet-facing" : "internal");
    lb.crossZone = AwsCompute.crossZone(application, Value.absent());
    c.add(lb, draft);
    String listener = lb.id + "/PublicListener";
    TargetGroup tg =
        new TargetGroup(
            c.scope(),
            listener + "/ECSGroup",
            "AWS::ElasticLoadBalancingV2::TargetGroup",
            c.location());
    tg.targetType = Value.explicit("ip", List.of(c.location()));
    tg.healthCheckEnabled =
        Value.defaulted(true, "health checks are on by default for instance and IP targets");
    tg.protocol =
        Value.defaulted(
            application ? "HTTP" : "TCP",
            ConstructMappers.constructDefault(c, "listens on port 80"));
    c.add(tg, draft);
    g.targetGroups = Value.explicit(List.of(tg.ref()), List.of(c.location()));
    ContainerCode.read(c, application, g);
    g.healthCheckType =
        Value.defaulted("ELB", "ECS replaces tasks that fail load balancer health checks");
    g.references.add(tg.ref());
  }

  /**
   * {@code service.autoScaleTaskCount({minCapacity, maxCapacity})} and the policies added to its
   * result ({@code scaleOnCpuUtilization}, {@code scaleOnRequestCount}, …).
   */
  static void read(Expressions x, Workload draft) {
    List<Expressions.MethodCall> calls = x.methodCalls();
    for (Expressions.MethodCall m : calls)
      if (m.method().equals("autoScaleTaskCount")) scalableTarget(x, m.call(), m.receiver(), draft);
    // Every scalable target is added before any policy, in file order.
    for (Expressions.MethodCall m : calls)
      if (m.method().startsWith("scaleOn")) policy(x, m.call(), m.receiver(), draft);
  }

  private static void scalableTarget(Expressions x, JsNode call, JsNode receiver, Workload draft) {
    ComputeGroup service = service(x, receiver, draft);
    if (service == null) return;
    Location at = x.at(call);
    List<JsNode> args = JsFile.arguments(call);
    CdkProps p = CdkProps.of(x, args.isEmpty() ? null : args.get(0), at);
    ScalableTarget t =
        new ScalableTarget(
            service.scope,
            service.id + "/TaskCount/Target",
            "AWS::ApplicationAutoScaling::ScalableTarget",
            at);
    t.resourceRefs = List.of(service.ref());
    t.dimension = Value.explicit("ecs:service:DesiredCount", List.of(at));
    t.min =
        or(
            p.integer("minCapacity"),
            1,
            "autoScaleTaskCount keeps at least 1 task unless minCapacity is set");
    t.max = p.integer("maxCapacity");
    t.references.add(service.ref());
    if (draft.get(t.key()) == null) draft.add(t);
  }

  private static void policy(Expressions x, JsNode call, JsNode receiver, Workload draft) {
    JsNode n = receiver.unwrap();
    if (n.is("identifier") && x.file().binding(n.text(), n) != null)
      n = x.file().binding(n.text(), n).unwrap();
    if (!n.is("call_expression")
        || n.field("function") == null
        || !n.field("function").is("member_expression")) return;
    JsNode fn = n.field("function");
    if (fn.field("property") == null || !fn.field("property").text().equals("autoScaleTaskCount"))
      return;
    ComputeGroup service = service(x, fn.field("object"), draft);
    if (service == null) return;
    List<JsNode> args = JsFile.arguments(call);
    String name =
        args.isEmpty() || args.get(0).stringValue() == null ? "Policy" : args.get(0).stringValue();
    Location at = x.at(call);
    ScalingPolicy policy =
        new ScalingPolicy(
            service.scope,
            service.id + "/TaskCount/Target/" + name,
            "AWS::ApplicationAutoScaling::ScalingPolicy",
            at);
    ResourceRef target = new ResourceRef(service.scope, service.id + "/TaskCount/Target", null);
    policy.target = Value.explicit(target, List.of(at));
    String method = call.field("function").field("property").text();
    policy.policyType = Value.explicit(AutoScalingMappers.policyType(method), List.of(at));
    policy.references.add(target);
    if (draft.get(policy.key()) == null) draft.add(policy);
  }

  /** The ECS service an expression names: a service construct, or a pattern's {@code .service}. */
  private static ComputeGroup service(Expressions x, JsNode receiver, Workload draft) {
    if (!(x.eval(receiver).value() instanceof ResourceRef ref)) return null;
    Resource direct = draft.get(new ResourceRef(ref.scope(), ref.id(), null).key());
    if (direct instanceof ComputeGroup g) return g;
    Resource pattern =
        draft.get(new ResourceRef(ref.scope(), ref.id() + "/Service/Service", null).key());
    return pattern instanceof ComputeGroup g ? g : null;
  }
}

package dev.relplan.rules.scaling;

import dev.relplan.model.*;
import dev.relplan.rules.*;
import java.util.*;

/** An Auto Scaling group whose size cannot change. */
public final class AsgMinEqualsMax extends BaseRule {
  public AsgMinEqualsMax() {
    super(
        RuleMeta.builder("REL-ASG-MIN-EQUALS-MAX")
            .flag("SC-ASG-MIN-EQUALS-MAX")
            .domain(Domain.SCALING)
            .title("Auto Scaling group has MinSize equal to MaxSize")
            .bestPractices("REL07-BP01", "REL01-BP06")
            .impact(
                Impact.SEVERE,
                "The group cannot add capacity for load or during a zone failure, so the remaining instances overload.")
            .likelihood(
                Likelihood.MEDIUM,
                "Any peak above the fixed size, or the loss of a zone, triggers it.")
            .tier(Tier.QUICK_WIN)
            .effort("Minutes: raise the maximum size and add a scaling policy")
            .services("EC2 Auto Scaling")
            .remediation(
                "Set MaxSize above MinSize with headroom for a zone failure (e.g. enough to run full load in the remaining zones) and add a scaling policy.")
            .advice(
                Fix.in(
                        Dialect.CDK,
                        "Give the Auto Scaling group room to grow: a maxCapacity above minCapacity (the construct uses minCapacity when maxCapacity is unset) and a target-tracking policy such as scaleOnCpuUtilization.",
                        """
                const fleet = new autoscaling.AutoScalingGroup(this, 'Fleet', {
                  // ...
                  minCapacity: 2,
                  maxCapacity: 8,
                });
                fleet.scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 60 });
                """)
                    .on("AWS::AutoScaling::AutoScalingGroup"),
                Fix.in(
                    Dialect.CLOUDFORMATION,
                    "Set MaxSize above MinSize with headroom for a zone failure (enough to run full load in the remaining zones), and add a scaling policy.",
                    """
                Group:
                  Type: AWS::AutoScaling::AutoScalingGroup
                  Properties:
                    MinSize: "3"
                    MaxSize: "9"
                """),
                Fix.in(
                        Dialect.TERRAFORM,
                        "Set max_size above min_size with headroom for a zone failure (enough to run full load in the remaining zones), and add an aws_autoscaling_policy.",
                        """
                resource "aws_autoscaling_group" "web" {
                  # ...
                  min_size = 3
                  max_size = 9
                }
                """)
                    .effort("Minutes: raise the maximum size and add a scaling policy"),
                Fix.in(
                        Dialect.KUBERNETES,
                        "Raise the autoscaler's maximum above its minimum, with headroom for losing a zone's share of pods.",
                        """
                spec:
                  minReplicas: 3
                  maxReplicas: 9
                """)
                    .effort("Minutes: raise maxReplicas")
                    .involving("EKS"))
            .formats(
                InputFormat.CLOUDFORMATION,
                InputFormat.TERRAFORM,
                InputFormat.KUBERNETES,
                InputFormat.CDK)
            .build());
  }

  @Override
  public void check(Workload w, Context ctx, Findings out) {
    for (ComputeGroup g : w.all(ComputeGroup.class)) {
      if (g.kind == ComputeGroup.Kind.KUBERNETES_WORKLOAD && g.scalableTarget != null)
        checkAutoscaler(g, g.scalableTarget, out);
      if (g.kind != ComputeGroup.Kind.AUTO_SCALING_GROUP) continue;
      if (g.min.unresolved() || g.max.unresolved()) {
        out.report(this, g, "", "", g.min, g.max);
      } else if (g.min.present() && g.max.present() && g.min.get().equals(g.max.get())) {
        out.report(
            this,
            g,
            "Auto Scaling group "
                + g.id
                + " has "
                + Property.MIN_SIZE.of(g)
                + " = "
                + Property.MAX_SIZE.of(g)
                + " = "
                + g.min.get(),
            "Group "
                + g.id
                + " has no scaling headroom: "
                + Property.MIN_SIZE.of(g)
                + " "
                + g.min
                + " equals "
                + Property.MAX_SIZE.of(g)
                + " "
                + g.max
                + ".",
            g.min,
            g.max);
      }
    }
  }

  /** A Kubernetes autoscaler whose minimum equals its maximum keeps a fixed replica count. */
  private void checkAutoscaler(ComputeGroup g, ScalableTarget t, Findings out) {
    if (t.min.unresolved() || t.max.unresolved()) {
      out.report(this, g, "", "", t.min, t.max);
    } else if (t.min.present() && t.max.present() && t.min.get().equals(t.max.get())) {
      out.report(
          this,
          g,
          t.type
              + " "
              + t.name.get()
              + " keeps "
              + g.kubernetesName()
              + " at "
              + t.min.get()
              + " replica(s)",
          "The autoscaler of "
              + g.kubernetesName()
              + " has no headroom: its minimum "
              + t.min
              + " equals its maximum "
              + t.max
              + ".",
          t.min,
          t.max);
    }
  }
}

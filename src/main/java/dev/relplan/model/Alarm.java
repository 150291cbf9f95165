package dev.relplan.model;

import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;

/** A CloudWatch alarm. */
public final class Alarm extends Resource {
  public Value<String> namespace = Value.absent();
  public Value<String> metricName = Value.absent();

  /** Namespaces of the metrics a metric-math alarm reads, and expressions it uses. */
  public List<String> metricNamespaces = new ArrayList<>();

  public List<String> expressions = new ArrayList<>();
  public Value<List<Object>> actions = Value.absent();
  public boolean composite;

  /** Resources named in the dimensions. */
  public List<ResourceRef> dimensionRefs = List.of();

  public Alarm(String scope, String id, String type, Location location) {
    super(scope, id, type, location);
  }

  /**
   * Whether it has an action other than a scaling policy: an SNS topic, an EC2 recover/stop action,
   * an OpsItem or an incident. Actions that cannot be told apart count as notifying.
   */
  public boolean notifies(Workload w) {
    return actions.present() && actions.get().stream().anyMatch(a -> !scalingAction(w, a));
  }

  /** Whether it has actions and every one of them is a scaling policy. */
  public boolean onlyScales(Workload w) {
    return actions.present()
        && !actions.get().isEmpty()
        && actions.get().stream().allMatch(a -> scalingAction(w, a));
  }

  /** A scaling policy in the model, or an ARN of an (application) auto scaling policy. */
  private static boolean scalingAction(Workload w, Object action) {
    if (action instanceof ResourceRef ref) return w.resolve(ref) instanceof ScalingPolicy;
    return action instanceof String arn
        && (arn.startsWith("arn:aws:autoscaling:") || arn.contains(":scalingPolicy:"));
  }
}

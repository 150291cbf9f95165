package dev.relplan.model;

import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compute that runs a workload's instances or tasks: an Auto Scaling group, an ECS service, a
 * standalone EC2 instance, a Kubernetes workload (its pods are the instances) or a Docker Compose
 * service (its containers are).
 */
public final class ComputeGroup extends Resource {
  public enum Kind {
    AUTO_SCALING_GROUP,
    ECS_SERVICE,
    EC2_INSTANCE,
    /** A Kubernetes object that runs pods; {@link #type} keeps its kind, e.g. Deployment. */
    KUBERNETES_WORKLOAD,
    /** A Docker Compose service: its containers run on the one Docker host Compose targets. */
    COMPOSE_SERVICE
  }

  /** What keeps a Kubernetes workload's pods running, which decides which rules apply to it. */
  public enum Replication {
    /** A controller keeps a count of replicas (Deployment, StatefulSet, ReplicaSet, Rollout). */
    COUNT,
    /** One pod per node (DaemonSet): capacity follows the nodes, not a count. */
    PER_NODE,
    /** Pods that run to completion (Job, CronJob). */
    BATCH,
    /** A bare Pod: nothing recreates it when it or its node fails. */
    NONE
  }

  public Kind kind;

  /** Kubernetes workloads only: what keeps the pods running; null for other kinds. */
  public Replication replication;

  public Value<Integer> min = Value.absent();
  public Value<Integer> max = Value.absent();
  public Value<Integer> desired = Value.absent();

  /** Subnets the group launches into (refs to {@link Subnet} or literal ids). */
  public Value<List<Object>> subnets = Value.absent();

  /** Availability Zones named directly (ASG AvailabilityZones, EC2 AvailabilityZone). */
  public Value<List<Object>> availabilityZones = Value.absent();

  /** ASG: EC2 or ELB (ECS services always honour load balancer health). */
  public Value<String> healthCheckType = Value.absent();

  public Value<Integer> healthCheckGracePeriod = Value.absent();

  /** Target groups (or classic load balancers) the group registers with. */
  public Value<List<Object>> targetGroups = Value.absent();

  /** ECS: FARGATE, EC2, EXTERNAL. */
  public Value<String> launchType = Value.absent();

  public Value<Boolean> circuitBreakerEnabled = Value.absent();
  public Value<Boolean> circuitBreakerRollback = Value.absent();
  public Value<Integer> minHealthyPercent = Value.absent();
  public Value<Integer> maxPercent = Value.absent();

  /** ECS: ECS (rolling), CODE_DEPLOY, EXTERNAL. */
  public Value<String> deploymentController = Value.absent();

  /** ASG: how a stack update replaces instances: ROLLING, REPLACING, or absent. */
  public Value<String> updatePolicy = Value.absent();

  public Value<Integer> updateMaxBatchSize = Value.absent();
  public Value<Integer> updateMinInService = Value.absent();

  /** ECS: alarms that roll a deployment back. */
  public Value<Boolean> deploymentAlarmsRollback = Value.absent();

  /**
   * Whether the instances are spread across zones by the workload's own placement rules (Kubernetes
   * topology spread constraints or pod anti-affinity on the zone key); absent when the kind places
   * by subnets instead.
   */
  public Value<Boolean> zoneSpread = Value.absent();

  /**
   * Whether an instance is taken out of request routing until it reports ready (a Kubernetes
   * readiness probe); absent when the kind is health-checked by its load balancer instead.
   */
  public Value<Boolean> readinessCheck = Value.absent();

  /** Each container's health probes (Kubernetes), in container order. */
  public final List<Probe> probes = new ArrayList<>();

  /**
   * Whether an update stops every instance before new ones serve (Kubernetes {@code Recreate}, or a
   * {@code maxUnavailable} covering every replica); absent for kinds judged by their own update
   * settings.
   */
  public Value<Boolean> replacesAllAtOnce = Value.absent();

  /**
   * Whether a failing release is rolled back without a person: a progressive-delivery controller
   * with analysis (Argo Rollouts, Flagger) for Kubernetes workloads; absent for other kinds.
   */
  public Value<Boolean> analysisRollback = Value.absent();

  /**
   * The database, broker or search product its instances run (a Kubernetes workload of a known
   * image), null otherwise: its data's replication is judged on the {@link StatefulService} of the
   * same id, not its instance count.
   */
  public String statefulProduct;

  /**
   * Compose services only: what Docker does when a container exits ({@code no}, {@code always},
   * {@code on-failure}, {@code unless-stopped}, or a {@code deploy.restart_policy} condition).
   */
  public Value<String> restartPolicy = Value.absent();

  /**
   * Compose services only: whether its container runs a health check (the Compose file's {@code
   * healthcheck}, or its Dockerfile's {@code HEALTHCHECK}); unresolved when only the pulled image
   * could say.
   */
  public Value<Boolean> healthCheck = Value.absent();

  /** Compose services only: the services it waits for before starting, in file order. */
  public final List<ContainerDependency> dependsOn = new ArrayList<>();

  /**
   * ECS services only: the task definition family it runs, when its task definition is named
   * literally (a family, {@code family:revision} or an ARN) rather than by a reference.
   */
  public Value<String> taskFamily = Value.absent();

  /** Labels of the pods it runs (Kubernetes), matched by services and disruption budgets. */
  public final Map<String, String> podLabels = new TreeMap<>();

  /** The namespace of a Kubernetes workload; null for other kinds. */
  public String namespace;

  /**
   * The folder of the code its containers run (their image is built from it, e.g. CDK {@code
   * ContainerImage.fromAsset}), relative to the scan root, citing the line that says so; absent
   * when not known.
   */
  public Value<String> codeFolder = Value.absent();

  /**
   * The environment variables its containers are given in the manifest or Compose file, by name
   * (the first container setting a name wins): the value as written, at its line; unresolved when
   * it comes from elsewhere (a Secret or ConfigMap, the shell when Compose runs). Read to tell
   * which service an address in the environment names (docs/deadline-budgets.md, "Upstream
   * callers").
   */
  public final Map<String, Value<String>> containerEnv = new TreeMap<>();

  /** The images its containers run, as written, each at its line (Kubernetes, Compose). */
  public final List<Value<String>> images = new ArrayList<>();

  /**
   * How long what sits in front of it waits for each request (an ALB's idle timeout), each with the
   * line that sets it: the deadline of the code it runs (docs/deadline-budgets.md).
   */
  public final List<Deadline.Limit> requestTimeouts = new ArrayList<>();

  /** Filled when linked: services that route requests to its instances (Kubernetes Services). */
  public final List<Resource> servedBy = new ArrayList<>();

  /** Filled when linked: disruption budgets whose selector matches its pods. */
  public final List<DisruptionBudget> disruptionBudgets = new ArrayList<>();

  /**
   * Filled by the linker: the Application Auto Scaling target of an ECS service, or the autoscaler
   * (HorizontalPodAutoscaler, KEDA ScaledObject) of a Kubernetes workload.
   */
  public ScalableTarget scalableTarget;

  /** Filled by the linker: scaling policies and scheduled actions acting on this group. */
  public final List<ScalingPolicy> scalingPolicies = new ArrayList<>();

  public ComputeGroup(String scope, String id, String type, Location location) {
    super(scope, id, type, location);
  }

  /**
   * A Kubernetes workload as a sentence names it: its kind, then namespace/name ({@code Deployment
   * shop/cart}), the namespace left out for {@code default}.
   */
  public String kubernetesName() {
    return id.startsWith(type + "/")
        ? type + " " + id.substring(type.length() + 1)
        : type + " " + id;
  }

  /**
   * The fewest instances it runs: the autoscaler's minimum when one scales it, else the desired
   * count; absent when neither is known.
   */
  public Value<Integer> fewestInstances() {
    return scalableTarget != null ? scalableTarget.min : desired;
  }

  /** True for compute AWS runs (Auto Scaling groups, ECS services, EC2 instances). */
  public boolean runsOnAws() {
    return kind == Kind.AUTO_SCALING_GROUP || kind == Kind.ECS_SERVICE || kind == Kind.EC2_INSTANCE;
  }
}

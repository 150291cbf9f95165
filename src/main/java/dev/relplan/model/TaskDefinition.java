package dev.relplan.model;

import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;

/**
 * An ECS task definition registered from a JSON file by a deploy pipeline ({@code aws ecs
 * register-task-definition --cli-input-json}, the ECS deploy actions): its family and containers,
 * and the ECS services of the scanned IaC that run the family, once linked.
 */
public final class TaskDefinition extends Resource {
  /** The type findings name. */
  public static final String TYPE = "ECS task definition";

  /**
   * One container: whether its exit stops the task ({@code essential}, default true), whether ECS
   * checks its health ({@code healthCheck}) and how long it is given to stop ({@code stopTimeout},
   * default 30 seconds).
   */
  public record Container(
      String name,
      Location location,
      Value<Boolean> essential,
      Value<Boolean> healthCheck,
      Value<Integer> stopTimeout) {}

  public Value<String> family = Value.absent();

  public final List<Container> containers = new ArrayList<>();

  /**
   * The line of a CodeDeploy AppSpec beside the file that routes a load balancer to one of its
   * containers ({@code LoadBalancerInfo}): its tasks are then health-checked by the load balancer;
   * null when no such AppSpec was found.
   */
  public Location loadBalancedBy;

  /** Filled when linked: the ECS services whose task definition names this family. */
  public final List<ComputeGroup> services = new ArrayList<>();

  public TaskDefinition(String scope, String id, Location location) {
    super(scope, id, TYPE, location);
  }
}

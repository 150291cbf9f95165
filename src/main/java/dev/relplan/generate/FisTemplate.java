package dev.relplan.generate;

import dev.relplan.model.Resource;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One AWS FIS experiment template, independent of the dialect it is written in: its targets, the
 * actions on them, the IAM permissions its role needs and the inputs (template parameters or
 * Terraform variables) it takes. Shapes follow the FIS user guide: targets
 * (https://docs.aws.amazon.com/fis/latest/userguide/targets.html) and actions
 * (https://docs.aws.amazon.com/fis/latest/userguide/action-sequence.html).
 *
 * @param kind short name used in ids ("terminate", "azpower")
 * @param subjectId the resource (or template) it is named after
 * @param description what it validates
 * @param targets the targets, by name
 * @param actions the actions, in order
 * @param managedPolicies the FIS managed policies its role needs
 * @param inlineActions IAM actions no managed policy covers, granted inline
 * @param skipEmptyTargets whether an action whose target resolves to nothing is skipped rather than
 *     failing the experiment (experiment option emptyTargetResolutionMode: skip)
 */
record FisTemplate(
    String kind,
    String subjectId,
    String description,
    List<Target> targets,
    List<Action> actions,
    Set<String> managedPolicies,
    Set<String> inlineActions,
    boolean skipEmptyTargets) {

  /** A value in a template: literal, an attribute of a declared resource, or an input. */
  sealed interface Value permits Literal, Arn, Name, ServiceName, Input {}

  record Literal(String text) implements Value {}

  /** The resource's ARN. */
  record Arn(Resource resource) implements Value {}

  /** The resource's name (CloudFormation {@code Ref}; Terraform {@code .name}). */
  record Name(Resource resource) implements Value {}

  /** An ECS service's name (CloudFormation {@code GetAtt Name}; Terraform {@code .name}). */
  record ServiceName(Resource resource) implements Value {}

  /** A value the person deploying gives: a template parameter or a Terraform variable. */
  record Input(FisInput input) implements Value {}

  /** A filter on a target's resources: an attribute path and the values it may have. */
  record Filter(String path, List<Value> values) {}

  /**
   * A target: resources of one type, named by ARNs, by a tag or by target parameters, narrowed by
   * filters.
   */
  record Target(
      String name,
      String resourceType,
      String selectionMode,
      List<Value> arns,
      Map<String, Value> tags,
      Map<String, Value> parameters,
      List<Filter> filters) {}

  /** An action on one target, under the key the action expects (Instances, Subnets, ...). */
  record Action(
      String name,
      String actionId,
      Map<String, Value> parameters,
      String targetKey,
      String targetName) {}

  /** The inputs the template's values use, in the order they first appear. */
  List<FisInput> inputs() {
    java.util.LinkedHashSet<FisInput> out = new java.util.LinkedHashSet<>();
    for (Target t : targets) {
      t.parameters().values().forEach(v -> addInput(v, out));
      t.tags().values().forEach(v -> addInput(v, out));
      t.filters().forEach(f -> f.values().forEach(v -> addInput(v, out)));
    }
    for (Action a : actions) a.parameters().values().forEach(v -> addInput(v, out));
    return List.copyOf(out);
  }

  private static void addInput(Value v, Set<FisInput> out) {
    if (v instanceof Input i) out.add(i.input());
  }
}

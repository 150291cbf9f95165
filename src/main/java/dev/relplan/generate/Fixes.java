package dev.relplan.generate;

import dev.relplan.model.Resource;
import dev.relplan.rules.Dialect;
import java.util.List;
import java.util.Set;

/** The mechanical fixes of {@code generate fixes}, tried in this order for each finding. */
final class Fixes {
  static final List<MechanicalFix> ALL =
      List.of(
          new MultiAzFix(),
          new QueueDeadLetterFix(),
          new LambdaTimeoutFix(),
          new TerraformTimeoutFix(),
          new LambdaDeploymentFix(),
          new ReservedConcurrencyFix(),
          new EcsRollbackFix(),
          new EcsScalingFix(),
          new AsgHealthCheckFix(),
          new AsgScalingFix(),
          new PodAutoscalerFix(),
          new RollingUpdateFix(),
          new ReadinessProbeFix(),
          new CacheReplicationFix(),
          new DynamoDbOnDemandFix(),
          new BackupRetentionFix(),
          new FunctionDeadLetterFix(),
          new StreamFailureDestinationFix(),
          new EventTargetDeadLetterFix(),
          new NatPerZoneFix(),
          new SubscriptionDeadLetterFix());

  private Fixes() {}

  /** Declared in a CloudFormation/SAM template of the scan itself (not a nested stack). */
  static boolean inTemplate(Resource r) {
    Dialect d = Dialect.of(r);
    return r.callChain.isEmpty() && (d == Dialect.CLOUDFORMATION || d == Dialect.SAM);
  }

  /**
   * Declared inside a Terraform module that a module call instantiates: a patch to the module
   * changes every caller, so fixes list it with where its inputs are set.
   */
  static boolean inTerraformModule(Resource r) {
    return !r.callChain.isEmpty() && Dialect.of(r) == Dialect.TERRAFORM;
  }

  /** Why a resource declared in a module is not patched, naming the module call. */
  static FixOutcome leftInModule(FixTarget t) {
    var call = t.subject.callChain.get(0);
    return FixOutcome.left(
        "it is declared in a module that the module call at "
            + t.texts.relative(call.file())
            + ":"
            + call.line()
            + " instantiates: patching the module changes every caller, so make the change"
            + " through that call's inputs (the finding's evidence names the values) or in the"
            + " module by hand");
  }

  /**
   * Whether a fix can edit where the resource is declared: a template of the scan with one of the
   * template types, or a Terraform file of the scan with one of the Terraform types.
   */
  static boolean writtenAs(Resource r, Set<String> templateTypes, Set<String> terraformTypes) {
    if (inTerraform(r)) return terraformTypes.contains(r.writtenType());
    return inTemplate(r) && templateTypes.contains(r.writtenType());
  }

  static boolean writtenAs(Resource r, String templateType, String terraformType) {
    return writtenAs(r, Set.of(templateType), Set.of(terraformType));
  }

  /** Declared in a Terraform file of the scan itself (not inside a module call). */
  static boolean inTerraform(Resource r) {
    return r.callChain.isEmpty() && Dialect.of(r) == Dialect.TERRAFORM;
  }
}

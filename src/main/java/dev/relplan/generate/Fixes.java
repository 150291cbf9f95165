package dev.relplan.generate;

import dev.relplan.model.Resource;
import dev.relplan.rules.Dialect;
import java.util.List;

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
          new AsgScalingFix());

  private Fixes() {}

  /** Declared in a CloudFormation/SAM template of the scan itself (not a nested stack). */
  static boolean inTemplate(Resource r) {
    Dialect d = Dialect.of(r);
    return r.callChain.isEmpty() && (d == Dialect.CLOUDFORMATION || d == Dialect.SAM);
  }

  /** Declared in a Terraform file of the scan itself (not inside a module call). */
  static boolean inTerraform(Resource r) {
    return r.callChain.isEmpty() && Dialect.of(r) == Dialect.TERRAFORM;
  }
}

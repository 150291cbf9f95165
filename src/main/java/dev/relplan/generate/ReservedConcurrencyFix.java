package dev.relplan.generate;

import dev.relplan.model.Function;
import dev.relplan.model.Resource;
import dev.relplan.model.Workload;
import dev.relplan.parse.hcl.Block;
import java.util.Objects;
import java.util.Set;

/**
 * REL-LAMBDA-NO-RESERVED-CONCURRENCY: ReservedConcurrentExecutions (CloudFormation/SAM) or
 * reserved_concurrent_executions (Terraform) set to a starting point, not a measurement: at most
 * 100, and no more than an even share of what the account can reserve. Lambda's default concurrency
 * quota is 1,000 per Region and 100 of it always stays unreserved (Lambda Developer Guide, "Lambda
 * quotas" and "Configuring reserved concurrency"), so the reservations of the function's stack (its
 * template or module), existing and new, stay within 900. The stack, not the whole scan: a
 * repository of many independent stacks (a monorepo of samples or services) deploys them to
 * accounts relplan cannot know.
 */
final class ReservedConcurrencyFix implements MechanicalFix {
  static final int ACCOUNT_DEFAULT = 1000;
  static final int ALWAYS_UNRESERVED = 100;
  static final int STARTING_POINT = 100;
  static final String TF_TYPE = "aws_lambda_function";

  @Override
  public Set<String> rules() {
    return Set.of("REL-LAMBDA-NO-RESERVED-CONCURRENCY");
  }

  @Override
  public boolean edits(Resource r) {
    if (!(r instanceof Function)) return false;
    return Fixes.writtenAs(
        r, Set.of("AWS::Lambda::Function", "AWS::Serverless::Function"), Set.of(TF_TYPE));
  }

  @Override
  public FixOutcome apply(FixTarget t) throws YamlTemplate.NotEditable {
    int value = startingPoint(t.workload, t.subject.scope);
    if (value < 1)
      return FixOutcome.left(
          "the functions of its stack already reserve what a default account can (900 of its"
              + " 1,000): raise the account's concurrency quota or lower other reservations first");
    EditedFile file = t.file();
    UnifiedDiff.Insertion edit;
    String name;
    if (Fixes.inTerraform(t.subject)) {
      name = "reserved_concurrent_executions";
      Block block =
          TerraformFixes.resourceBlock(file.hcl(t.workload), TF_TYPE, t.subject.location.line());
      if (block == null)
        throw new YamlTemplate.NotEditable("its resource block is not in the file");
      edit =
          TerraformCompute.ownGroup(
              TerraformFixes.setAttribute(
                  file.hcl(t.workload), block, name, String.valueOf(value)));
    } else {
      name = "ReservedConcurrentExecutions";
      edit =
          CloudFormationFixes.setProperty(
              file.template(), t.subject.id, name, String.valueOf(value));
    }
    if (edit == null)
      return FixOutcome.left(
          name
              + " is set by an expression (or the block is written on one line): make it "
              + value
              + " (a starting point) where its value comes from");
    return FixOutcome.edited(
        name
            + ": "
            + value
            + ", a starting point rather than a measurement: set it to the function's peak"
            + " ConcurrentExecutions (CloudWatch, a busy fortnight) plus headroom. Cost: nothing to"
            + " pay; the function can no longer run more than "
            + value
            + " invocations at once (requests above it are throttled: 429 to synchronous callers,"
            + " retried for queues and streams), and the "
            + value
            + " are taken from the account's unreserved pool that its other functions share.",
        edit);
  }

  /**
   * The smaller of {@link #STARTING_POINT} and an even share, among the functions of the stack
   * (scope) without a reservation, of what a default account can still reserve.
   */
  static int startingPoint(Workload w, String scope) {
    int reserved = 0;
    int without = 0;
    for (Function f : w.all(Function.class)) {
      if (!Objects.equals(f.scope, scope)) continue;
      if (f.reservedConcurrency.present()) reserved += f.reservedConcurrency.get();
      else without++;
    }
    int share = (ACCOUNT_DEFAULT - ALWAYS_UNRESERVED - reserved) / Math.max(1, without);
    return Math.min(STARTING_POINT, share);
  }
}

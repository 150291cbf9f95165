package dev.relplan.generate;

import dev.relplan.model.Function;
import dev.relplan.model.Resource;
import dev.relplan.parse.hcl.Block;
import java.util.Set;

/**
 * REL-LAMBDA-TIMEOUT-GE-APIGW on a Terraform aws_lambda_function: its {@code timeout} (seconds,
 * Terraform AWS provider, "aws_lambda_function") set to the largest whole second below the shortest
 * integration timeout in front of it, when the block writes it as a literal.
 */
final class TerraformTimeoutFix implements MechanicalFix {
  @Override
  public Set<String> rules() {
    return Set.of("REL-LAMBDA-TIMEOUT-GE-APIGW");
  }

  @Override
  public boolean edits(Resource r) {
    return Fixes.inTerraform(r)
        && r instanceof Function
        && ReservedConcurrencyFix.TF_TYPE.equals(r.writtenType());
  }

  @Override
  public FixOutcome apply(FixTarget t) throws YamlTemplate.NotEditable {
    Function f = (Function) t.subject;
    Integer limitMillis = LambdaTimeoutFix.shortestIntegrationTimeout(f, t.workload);
    if (limitMillis == null) return FixOutcome.left("its API integration timeout is not known");
    int seconds = (limitMillis - 1) / 1000;
    if (seconds < 1)
      return FixOutcome.left(
          "its API integration times out within a second: raise the integration timeout instead");
    EditedFile file = t.file();
    Block block =
        TerraformFixes.resourceBlock(
            file.hcl(t.workload), ReservedConcurrencyFix.TF_TYPE, f.location.line());
    if (block == null) throw new YamlTemplate.NotEditable("its resource block is not in the file");
    UnifiedDiff.Insertion edit =
        TerraformFixes.setAttribute(
            file.hcl(t.workload), block, "timeout", String.valueOf(seconds));
    if (edit == null)
      return FixOutcome.left(
          "its timeout is set by an expression ("
              + where(f, t)
              + "): make it "
              + seconds
              + " or less where its production value comes from");
    return FixOutcome.edited(
        "timeout = "
            + seconds
            + " (below its API's integration timeout). Cost: "
            + CloudFormationFixes.TIMEOUT_COST
            + ".",
        edit);
  }

  /** Where the function's timeout value is set, as the model traced it. */
  private static String where(Function f, FixTarget t) {
    return f.timeoutSeconds.trace().isEmpty()
        ? "not located"
        : String.join(
            ", ",
            f.timeoutSeconds.trace().stream()
                .map(l -> t.texts.relative(l.file()) + ":" + l.line())
                .toList());
  }
}

package dev.relplan.generate;

import dev.relplan.model.Database;
import dev.relplan.model.Resource;
import dev.relplan.parse.hcl.Attribute;
import dev.relplan.parse.hcl.Block;
import dev.relplan.parse.hcl.Expr;
import dev.relplan.parse.hcl.HclFile;
import java.util.List;
import java.util.Set;

/**
 * REL-DB-SINGLE-AZ: an RDS instance made Multi-AZ, in a CloudFormation/SAM template (MultiAZ: true)
 * or a Terraform file (multi_az = true on aws_db_instance, per the Terraform AWS provider; a value
 * from a variable is changed in the .tfvars file that gives it). Aurora and other clusters need a
 * second instance, which is not generated.
 */
final class MultiAzFix implements MechanicalFix {
  static final String TF_TYPE = "aws_db_instance";

  @Override
  public Set<String> rules() {
    return Set.of("REL-DB-SINGLE-AZ");
  }

  @Override
  public boolean edits(Resource r) {
    if (!(r instanceof Database d) || d.kind != Database.Kind.INSTANCE) return false;
    return Fixes.writtenAs(r, "AWS::RDS::DBInstance", TF_TYPE);
  }

  @Override
  public FixOutcome apply(FixTarget t) throws YamlTemplate.NotEditable {
    if (!Fixes.inTerraform(t.subject))
      return CloudFormationFixes.multiAz(t.file().template(), t.subject.id);
    HclFile hcl = t.file().hcl(t.workload);
    Block block = TerraformFixes.resourceBlock(hcl, TF_TYPE, t.subject.location.line());
    if (block == null) throw new YamlTemplate.NotEditable("its resource block is not in the file");
    Attribute a = block.body().attribute("multi_az").orElse(null);
    String cost = " Cost: " + CloudFormationFixes.MULTI_AZ_COST + ".";
    if (a != null && a.value() instanceof Expr.ScopeTraversal) {
      VariableFiles.Given given =
          VariableFiles.set(t, a.value(), ((Database) t.subject).multiAz.trace(), "true");
      if (given != null)
        return FixOutcome.editedIn(
            given.described() + " (the multi_az it gives)." + cost, List.of(given.edit()));
    }
    UnifiedDiff.Insertion set = TerraformFixes.setAttribute(hcl, block, "multi_az", "true");
    if (set == null && a == null)
      throw new YamlTemplate.NotEditable("its block is written on one line");
    if (set == null)
      return FixOutcome.left(
          "multi_az is set by an expression ("
              + hcl.text(a.value().range())
              + "): make it true where its production value comes from");
    return FixOutcome.edited("multi_az = true." + cost, set);
  }
}

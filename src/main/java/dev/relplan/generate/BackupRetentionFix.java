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
 * REL-BACKUP-SHORT-RETENTION on an RDS instance or Aurora cluster: automated backups kept for the
 * rule's 7 days (BackupRetentionPeriod in the AWS::RDS::DBInstance / DBCluster reference,
 * backup_retention_period on aws_db_instance / aws_rds_cluster, 0 to 35 days). A Terraform value
 * from a variable is changed where its value is given, when that is a literal in a .tfvars file.
 * REL-BACKUP-MISSING (no backup at all, point-in-time recovery or versioning off) is answered by
 * {@code relplan generate backup}, whose AWS Backup plan also copies across Regions: turning
 * backups on in place alone would surface REL-BACKUP-NO-CROSS-REGION, which that rule's findings
 * wait on, on re-assessment.
 */
final class BackupRetentionFix implements MechanicalFix {
  static final int DAYS = 7;
  static final String COST =
      "backup storage up to the Region's total provisioned database storage is free; beyond it"
          + " the extra days of snapshots and transaction logs are billed per GB-month; point-in-time"
          + " restore reaches back "
          + DAYS
          + " days";
  private static final Set<String> TEMPLATE_TYPES =
      Set.of("AWS::RDS::DBInstance", "AWS::RDS::DBCluster");
  private static final Set<String> TF_TYPES = Set.of("aws_db_instance", "aws_rds_cluster");

  @Override
  public Set<String> rules() {
    return Set.of("REL-BACKUP-SHORT-RETENTION");
  }

  @Override
  public boolean edits(Resource r) {
    if (!(r instanceof Database)) return false;
    return Fixes.writtenAs(r, TEMPLATE_TYPES, TF_TYPES);
  }

  @Override
  public FixOutcome apply(FixTarget t) throws YamlTemplate.NotEditable {
    return Fixes.inTerraform(t.subject) ? terraform(t) : template(t);
  }

  private static FixOutcome template(FixTarget t) throws YamlTemplate.NotEditable {
    UnifiedDiff.Insertion set =
        CloudFormationFixes.setProperty(
            t.file().template(), t.subject.id, "BackupRetentionPeriod", String.valueOf(DAYS));
    if (set == null) return left(t, "BackupRetentionPeriod");
    return FixOutcome.edited("BackupRetentionPeriod: " + DAYS + ". Cost: " + COST + ".", set);
  }

  private static FixOutcome terraform(FixTarget t) throws YamlTemplate.NotEditable {
    HclFile hcl = t.file().hcl(t.workload);
    Block block =
        TerraformFixes.resourceBlock(hcl, t.subject.writtenType(), t.subject.location.line());
    if (block == null) throw new YamlTemplate.NotEditable("its resource block is not in the file");
    String name = "backup_retention_period";
    Attribute a = block.body().attribute(name).orElse(null);
    if (a != null && a.value() instanceof Expr.ScopeTraversal) {
      VariableFiles.Given given =
          VariableFiles.set(
              t,
              a.value(),
              ((Database) t.subject).backupRetentionDays.trace(),
              String.valueOf(DAYS));
      if (given == null) return left(t, name);
      return FixOutcome.editedIn(
          given.described() + " (the backup_retention_period it gives). Cost: " + COST + ".",
          List.of(given.edit()));
    }
    AttributeEdits.Result r =
        AttributeEdits.set(hcl, block, PropertyEdits.values(name, String.valueOf(DAYS)));
    if (r.setByExpression() != null) return left(t, name);
    return FixOutcome.edited(
        name + " = " + DAYS + ". Cost: " + COST + ".",
        r.insertions().toArray(UnifiedDiff.Insertion[]::new));
  }

  private static FixOutcome left(FixTarget t, String key) {
    String where =
        ((Database) t.subject)
            .backupRetentionDays.trace().stream()
                .map(l -> t.texts.relative(l.file()) + ":" + l.line())
                .reduce((a, b) -> a + ", " + b)
                .orElse("not located");
    return FixOutcome.left(
        key
            + " is set by an expression ("
            + where
            + "): make it "
            + DAYS
            + " or more where its production value comes from");
  }
}

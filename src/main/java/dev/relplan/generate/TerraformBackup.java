package dev.relplan.generate;

import dev.relplan.model.Resource;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The AWS Backup resources for one Terraform root module, as a {@code relplan_backup.tf} to put in
 * its folder: the selection and restore tests reference the module's own resource addresses.
 */
final class TerraformBackup {
  static final String FILE_NAME = "relplan_backup.tf";

  private TerraformBackup() {}

  static GeneratedFile file(
      String folder,
      SourceTexts texts,
      List<Resource> resources,
      BackupSchedule schedule,
      String workload) {
    String relativeFolder =
        BackupGenerator.folderOf(texts.outputPath(folder.isEmpty() ? "x" : folder + "/x"));
    String name = names(workload, relativeFolder);
    StringBuilder tf = new StringBuilder();
    tf.append("# relplan generate backup: AWS Backup for ")
        .append(String.join(", ", CloudFormationBackup.ids(resources)))
        .append(".\n");
    tf.append("# Schedule: ").append(schedule.why()).append(".\n");
    tf.append("# Retention: ").append(BackupSchedule.RETENTION_WHY).append(".\n\n");
    tf.append(
        """
        variable "relplan_copy_vault_arn" {
          type        = string
          description = "ARN of a backup vault in another Region (or account) that receives a copy of every recovery point (relplan generate backup)"
        }

        data "aws_partition" "relplan" {}

        resource "aws_backup_vault" "relplan" {
          name = "%1$s"
        }

        resource "aws_iam_role" "relplan_backup" {
          name_prefix = "relplan-backup-"
          assume_role_policy = jsonencode({
            Version = "2012-10-17"
            Statement = [{
              Effect    = "Allow"
              Principal = { Service = "backup.amazonaws.com" }
              Action    = "sts:AssumeRole"
            }]
          })
        }

        resource "aws_iam_role_policy_attachment" "relplan_backup" {
          for_each = toset([
        """
            .formatted(name));
    for (String policy : CloudFormationBackup.managedPolicies(resources))
      tf.append("    \"").append(policy).append("\",\n");
    tf.append(
        """
          ])
          role       = aws_iam_role.relplan_backup.name
          policy_arn = "arn:${data.aws_partition.relplan.partition}:iam::aws:policy/${each.value}"
        }

        resource "aws_backup_plan" "relplan" {
          name = "%1$s"

          rule {
            rule_name         = "relplan-scheduled"
            target_vault_name = aws_backup_vault.relplan.name
            schedule          = "%2$s"
        %3$s
            lifecycle {
              delete_after = %4$d
            }

            copy_action {
              destination_vault_arn = var.relplan_copy_vault_arn
              lifecycle {
                delete_after = %4$d
              }
            }
          }
        }

        resource "aws_backup_selection" "relplan" {
          name         = "relplan-uncovered"
          plan_id      = aws_backup_plan.relplan.id
          iam_role_arn = aws_iam_role.relplan_backup.arn
          resources = [
        """
            .formatted(
                name,
                schedule.cron(),
                schedule.continuous() ? "    enable_continuous_backup = true\n" : "",
                schedule.retentionDays()));
    for (Resource r : resources) tf.append("    ").append(address(r)).append(".arn,\n");
    tf.append(
        """
          ]
        }

        resource "aws_backup_restore_testing_plan" "relplan" {
          name                = "%1$s"
          schedule_expression = "cron(0 6 ? * SAT *)"

          recovery_point_selection {
            algorithm             = "LATEST_WITHIN_WINDOW"
            include_vaults        = [aws_backup_vault.relplan.arn]
            recovery_point_types  = [%2$s]
            selection_window_days = 7
          }
        }
        """
            .formatted(
                CloudFormationBackup.restorePlanName(workload, relativeFolder),
                schedule.continuous() ? "\"SNAPSHOT\", \"CONTINUOUS\"" : "\"SNAPSHOT\""));
    for (Map.Entry<String, List<Resource>> byType :
        CloudFormationBackup.byRestoreType(resources).entrySet()) {
      String type = byType.getKey().toLowerCase(Locale.ROOT);
      tf.append('\n')
          .append("resource \"aws_backup_restore_testing_selection\" \"relplan_")
          .append(type)
          .append("\" {\n")
          .append("  name                      = \"relplan_")
          .append(type)
          .append("\"\n")
          .append("  restore_testing_plan_name = aws_backup_restore_testing_plan.relplan.name\n")
          .append("  protected_resource_type   = \"")
          .append(byType.getKey())
          .append("\"\n")
          .append("  iam_role_arn              = aws_iam_role.relplan_backup.arn\n")
          .append("  protected_resource_arns   = [\n");
      for (Resource r : byType.getValue()) tf.append("    ").append(address(r)).append(".arn,\n");
      tf.append("  ]\n}\n");
    }
    String path =
        BackupGenerator.FOLDER + (relativeFolder.isEmpty() ? "" : relativeFolder + "/") + FILE_NAME;
    return new GeneratedFile(path, tf.toString());
  }

  /**
   * The resource's address inside its module: a root module below the scanned folder names its
   * resources "folder:aws_x.y", and only "aws_x.y" is a reference there.
   */
  static String address(Resource r) {
    int bracket = r.id.indexOf('[');
    String head = bracket < 0 ? r.id : r.id.substring(0, bracket);
    return r.id.substring(head.lastIndexOf(':') + 1);
  }

  /** Vault and plan names: letters, digits and hyphens, one per workload and module folder. */
  private static String names(String workload, String folder) {
    String base = "relplan-" + workload + (folder.isEmpty() ? "" : "-" + folder);
    StringBuilder out = new StringBuilder();
    for (char c : base.toLowerCase(Locale.ROOT).toCharArray())
      out.append(Character.isLetterOrDigit(c) && c < 128 ? c : '-');
    return out.length() > 50 ? out.substring(0, 50) : out.toString();
  }
}

package dev.relplan.generate;

import dev.relplan.model.Resource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The AWS Backup resources for one CloudFormation or SAM template, as a patch adding them to its
 * Resources (and the copy vault's ARN to its Parameters): the selection and restore tests name the
 * template's own resources with {@code !GetAtt}/{@code !Ref}.
 */
final class CloudFormationBackup {
  private CloudFormationBackup() {}

  static GeneratedFile patch(
      String file,
      SourceTexts texts,
      List<Resource> resources,
      BackupSchedule schedule,
      String workload)
      throws YamlTemplate.NotEditable {
    String text = texts.text(file);
    YamlTemplate template = YamlTemplate.read(file, text);
    Set<String> taken = template.names();
    String copyVault = template.free("RelplanCopyVaultArn", taken);
    String vault = template.free("RelplanBackupVault", taken);
    String role = template.free("RelplanBackupRole", taken);
    String plan = template.free("RelplanBackupPlan", taken);
    String selection = template.free("RelplanBackupSelection", taken);
    String restorePlan = template.free("RelplanRestoreTestingPlan", taken);

    List<String> params = new ArrayList<>();
    params.add(copyVault + ":");
    params.add("  Type: String");
    params.add(
        "  Description: ARN of a backup vault in another Region (or account) that receives a copy"
            + " of every recovery point (relplan generate backup)");
    params.add("  AllowedPattern: ^arn:aws[a-z-]*:backup:[a-z0-9-]+:[0-9]{12}:backup-vault:.+$");

    List<String> block = new ArrayList<>();
    block.add(
        "# relplan generate backup: AWS Backup for " + String.join(", ", ids(resources)) + ".");
    block.add("# Schedule: " + schedule.why() + ".");
    block.add("# Retention: " + BackupSchedule.RETENTION_WHY + ".");
    block.add(vault + ":");
    block.add("  Type: AWS::Backup::BackupVault");
    block.add("  DeletionPolicy: Retain");
    block.add("  UpdateReplacePolicy: Retain");
    block.add("  Properties:");
    block.add("    BackupVaultName: !Sub ${AWS::StackName}-relplan");
    block.add(role + ":");
    block.add("  Type: AWS::IAM::Role");
    block.add("  Properties:");
    block.add("    AssumeRolePolicyDocument:");
    block.add("      Version: \"2012-10-17\"");
    block.add("      Statement:");
    block.add("        - Effect: Allow");
    block.add("          Principal:");
    block.add("            Service: backup.amazonaws.com");
    block.add("          Action: sts:AssumeRole");
    block.add("    ManagedPolicyArns:");
    for (String policy : managedPolicies(resources))
      block.add("      - !Sub arn:${AWS::Partition}:iam::aws:policy/" + policy);
    block.add(plan + ":");
    block.add("  Type: AWS::Backup::BackupPlan");
    block.add("  Properties:");
    block.add("    BackupPlan:");
    block.add("      BackupPlanName: !Sub ${AWS::StackName}-relplan");
    block.add("      BackupPlanRule:");
    block.add("        - RuleName: relplan-scheduled");
    block.add("          TargetBackupVault: !Ref " + vault);
    block.add("          ScheduleExpression: " + schedule.cron());
    if (schedule.continuous()) block.add("          EnableContinuousBackup: true");
    block.add("          Lifecycle:");
    block.add("            DeleteAfterDays: " + schedule.retentionDays());
    block.add("          CopyActions:");
    block.add("            - DestinationBackupVaultArn: !Ref " + copyVault);
    block.add("              Lifecycle:");
    block.add("                DeleteAfterDays: " + schedule.retentionDays());
    block.add(selection + ":");
    block.add("  Type: AWS::Backup::BackupSelection");
    block.add("  Properties:");
    block.add("    BackupPlanId: !Ref " + plan);
    block.add("    BackupSelection:");
    block.add("      SelectionName: relplan-uncovered");
    block.add("      IamRoleArn: !GetAtt " + role + ".Arn");
    block.add("      Resources:");
    for (Resource r : resources)
      block.add("        - " + Protectable.cloudFormation(r).arnOf(r.id));
    block.add(restorePlan + ":");
    block.add("  Type: AWS::Backup::RestoreTestingPlan");
    block.add("  Properties:");
    block.add("    RestoreTestingPlanName: " + restorePlanName(workload, file));
    block.add("    ScheduleExpression: cron(0 6 ? * SAT *)");
    block.add("    RecoveryPointSelection:");
    block.add("      Algorithm: LATEST_WITHIN_WINDOW");
    block.add("      IncludeVaults:");
    block.add("        - !GetAtt " + vault + ".BackupVaultArn");
    block.add("      RecoveryPointTypes:");
    block.add("        - SNAPSHOT");
    if (schedule.continuous()) block.add("        - CONTINUOUS");
    block.add("      SelectionWindowDays: 7");
    for (Map.Entry<String, List<Resource>> byType : byRestoreType(resources).entrySet()) {
      String type = byType.getKey();
      block.add(template.free("RelplanRestoreTesting" + type, taken) + ":");
      block.add("  Type: AWS::Backup::RestoreTestingSelection");
      block.add("  Properties:");
      block.add("    RestoreTestingPlanName: !Ref " + restorePlan);
      block.add("    RestoreTestingSelectionName: relplan_" + type.toLowerCase(Locale.ROOT));
      block.add("    ProtectedResourceType: " + type);
      block.add("    IamRoleArn: !GetAtt " + role + ".Arn");
      block.add("    ProtectedResourceArns:");
      for (Resource r : byType.getValue())
        block.add("      - " + Protectable.cloudFormation(r).arnOf(r.id));
    }
    String diff =
        UnifiedDiff.of(
            texts.relative(file),
            text,
            List.of(template.parameters(params), template.resources(block)));
    return new GeneratedFile(BackupGenerator.FOLDER + texts.outputPath(file) + ".patch", diff);
  }

  static List<String> ids(List<Resource> resources) {
    return resources.stream().map(r -> r.id).toList();
  }

  /** AWS Backup's managed policies for backing up and restoring; S3 has its own pair. */
  static List<String> managedPolicies(List<Resource> resources) {
    List<String> out = new ArrayList<>();
    out.add("service-role/AWSBackupServiceRolePolicyForBackup");
    out.add("service-role/AWSBackupServiceRolePolicyForRestores");
    if (byRestoreType(resources).containsKey("S3")) {
      out.add("AWSBackupServiceRolePolicyForS3Backup");
      out.add("AWSBackupServiceRolePolicyForS3Restore");
    }
    return out;
  }

  /** Restore tests select one resource type each. */
  static Map<String, List<Resource>> byRestoreType(List<Resource> resources) {
    Map<String, List<Resource>> out = new LinkedHashMap<>();
    for (Resource r : resources) {
      String type =
          r.writtenType().startsWith("AWS::")
              ? Protectable.cloudFormation(r).restoreType()
              : Protectable.terraformRestoreType(r);
      out.computeIfAbsent(type, t -> new ArrayList<>()).add(r);
    }
    return out;
  }

  /** Restore testing plan names allow letters, digits and underscores only. */
  static String restorePlanName(String workload, String file) {
    int dot = file.lastIndexOf('.');
    String stem = dot > file.lastIndexOf('/') ? file.substring(0, dot) : file;
    String base = "relplan_" + workload + (stem.isEmpty() ? "" : "_" + stem);
    StringBuilder out = new StringBuilder();
    for (char c : base.toCharArray()) out.append(Character.isLetterOrDigit(c) && c < 128 ? c : '_');
    return out.length() > 50 ? out.substring(0, 50) : out.toString();
  }
}

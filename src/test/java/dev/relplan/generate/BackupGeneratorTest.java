package dev.relplan.generate;

import static dev.relplan.generate.GeneratedCopies.apply;
import static dev.relplan.generate.GeneratedCopies.assess;
import static dev.relplan.generate.GeneratedCopies.copy;
import static dev.relplan.generate.GeneratedCopies.findings;
import static dev.relplan.generate.GeneratedCopies.generate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.assess.Assessment;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * generate backup: the plan it writes, applied to a copy of an example, clears the backup findings
 * it targets on re-assessment and adds none.
 */
class BackupGeneratorTest {
  static final Path CFN_FAIL =
      Path.of("src/test/resources/rules/REL-BACKUP-MISSING/cloudformation/fail");
  static final Path TF_FAIL = Path.of("src/test/resources/rules/REL-BACKUP-MISSING/terraform/fail");

  @TempDir Path tmp;

  @Test
  void cloudFormationPatchClearsTheBackupFindingsOfTheTemplateAndAddsNone() throws Exception {
    Generation g = generate(CFN_FAIL, null, BackupGenerator::generate);
    Set<String> before = findings(assess(CFN_FAIL, null));
    Path copy = copy(CFN_FAIL, tmp.resolve("copy"));

    apply(g, BackupGenerator.FOLDER, copy);
    Assessment after = assess(copy, null);

    assertThat(before)
        .contains(
            "REL-BACKUP-MISSING OrdersTable",
            "REL-BACKUP-MISSING LedgerVolume",
            "REL-BACKUP-MISSING ReportsDb",
            "REL-BACKUP-MISSING SharedFiles");
    assertThat(findings(after))
        .doesNotContain(
            "REL-BACKUP-MISSING OrdersTable",
            "REL-BACKUP-MISSING LedgerVolume",
            "REL-BACKUP-MISSING ReportsDb",
            "REL-BACKUP-MISSING SharedFiles")
        .isSubsetOf(before);
    assertThat(after.skippedFiles()).isEmpty();
  }

  @Test
  void cloudFormationSelectionNamesTheTemplatesOwnLogicalIds() throws Exception {
    Generation g = generate(CFN_FAIL, null, BackupGenerator::generate);

    String patch = g.files().get(0).content();
    assertThat(g.files().get(0).path()).isEqualTo("backup/template.yaml.patch");
    assertThat(patch)
        .contains("+          - !GetAtt OrdersTable.Arn\n")
        .contains("+          - !GetAtt ReportsDb.DBInstanceArn\n")
        .contains("+          - !GetAtt SharedFiles.Arn\n")
        .contains("volume/${LedgerVolume}\n")
        .contains("+              - DestinationBackupVaultArn: !Ref RelplanCopyVaultArn\n")
        .contains("+    Type: AWS::Backup::RestoreTestingPlan\n");
  }

  @Test
  void unversionedBucketIsLeftOutWithTheReason() throws Exception {
    Generation g = generate(CFN_FAIL, null, BackupGenerator::generate);

    assertThat(g.files().get(0).content()).doesNotContain("InvoiceDocuments");
    assertThat(g.notes())
        .singleElement()
        .asString()
        .startsWith("InvoiceDocuments (template.yaml:18): AWS Backup backs up only versioned");
  }

  @Test
  void terraformFileBesideTheModuleClearsItsBackupFindingsAndAddsNone() throws Exception {
    Generation g = generate(TF_FAIL, null, BackupGenerator::generate);
    Set<String> before = findings(assess(TF_FAIL, null));
    Path copy = copy(TF_FAIL, tmp.resolve("copy"));

    apply(g, BackupGenerator.FOLDER, copy);
    Assessment after = assess(copy, null);

    assertThat(g.files()).extracting(GeneratedFile::path).contains("backup/relplan_backup.tf");
    assertThat(before)
        .contains(
            "REL-BACKUP-MISSING aws_dynamodb_table.carts",
            "REL-BACKUP-MISSING aws_db_instance.ledger");
    assertThat(findings(after))
        .doesNotContain(
            "REL-BACKUP-MISSING aws_dynamodb_table.carts",
            "REL-BACKUP-MISSING aws_db_instance.ledger")
        .isSubsetOf(before);
    assertThat(after.skippedFiles()).isEmpty();
  }

  @Test
  void terraformSelectionReferencesTheResourceAddresses() throws Exception {
    Generation g = generate(TF_FAIL, null, BackupGenerator::generate);

    assertThat(g.files().get(0).content())
        .contains("    aws_dynamodb_table.carts.arn,\n")
        .contains("    aws_db_instance.ledger.arn,\n")
        .contains("destination_vault_arn = var.relplan_copy_vault_arn");
  }

  @Test
  void rpoUnderAnHourTurnsOnContinuousBackup() throws Exception {
    Generation g = generate(TF_FAIL, "PT15M", BackupGenerator::generate);

    assertThat(g.files().get(0).content())
        .contains("schedule          = \"cron(0 * ? * * *)\"")
        .contains("enable_continuous_backup = true")
        .contains("recovery_point_types  = [\"SNAPSHOT\", \"CONTINUOUS\"]");
  }

  @Test
  void rpoOfHoursSchedulesEveryDividingHour() {
    assertThat(BackupSchedule.forRpo("PT5H").cron()).isEqualTo("cron(0 */4 ? * * *)");
    assertThat(BackupSchedule.forRpo(null).cron()).isEqualTo("cron(0 5 ? * * *)");
  }

  @Test
  void kubernetesClaimsAreListedAsNotGenerated() throws Exception {
    Generation g =
        generate(
            Path.of("src/test/resources/rules/REL-BACKUP-MISSING/kubernetes/fail"),
            null,
            BackupGenerator::generate);

    assertThat(g.files()).extracting(GeneratedFile::path).containsExactly("backup/README.md");
    assertThat(g.notes())
        .isNotEmpty()
        .allMatch(n -> n.contains("no AWS Backup generator for Kubernetes"));
  }

  @Test
  void terraformRootModuleBelowTheScannedFolderIsReferencedByItsOwnAddresses() throws Exception {
    Path repo = tmp.resolve("repo");
    copy(TF_FAIL, repo.resolve("shop"));
    Set<String> before = findings(assess(repo, null));
    Path copy = copy(repo, tmp.resolve("copy"));

    Generation g = generate(repo, null, BackupGenerator::generate);
    apply(g, BackupGenerator.FOLDER, copy);
    Assessment after = assess(copy, null);

    assertThat(g.files()).extracting(GeneratedFile::path).contains("backup/shop/relplan_backup.tf");
    assertThat(g.files().get(0).content()).contains("    aws_dynamodb_table.carts.arn,\n");
    assertThat(after.skippedFiles()).isEmpty();
    assertThat(findings(after)).isSubsetOf(before).hasSizeLessThan(before.size());
  }
}

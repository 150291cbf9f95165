package dev.relplan.iac.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.assess.Assessment;
import dev.relplan.model.StatefulService;
import dev.relplan.model.Volume;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.rules.BackupCoverage;
import dev.relplan.rules.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PersistentVolumeClaims as data stores, and the Kubernetes backups that cover them. */
class KubernetesStorageTest {
  @TempDir Path repo;

  private static final String DATABASE =
      """
      apiVersion: apps/v1
      kind: StatefulSet
      metadata:
        name: orders-db
        namespace: shop
      spec:
        serviceName: orders-db
        selector:
          matchLabels:
            app: orders-db
        template:
          metadata:
            labels:
              app: orders-db
          spec:
            containers:
              - name: postgres
                image: postgres:16.3
        volumeClaimTemplates:
          - metadata:
              name: data
            spec:
              accessModes: [ReadWriteOnce]
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: media
        namespace: shop
      spec:
        selector:
          matchLabels:
            app: media
        template:
          metadata:
            labels:
              app: media
          spec:
            containers:
              - name: media
                image: example/media:1
            volumes:
              - name: uploads
                persistentVolumeClaim:
                  claimName: uploads
      ---
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata:
        name: uploads
        namespace: shop
        labels:
          tier: files
      """;

  private Pipeline.Result run(String backups) throws IOException {
    Files.writeString(repo.resolve("data.yaml"), DATABASE);
    if (backups != null) Files.writeString(repo.resolve("backup.yaml"), backups);
    return Pipeline.run(new Pipeline.Request(List.of(repo), "t", Context.defaults(), List.of()));
  }

  private static Volume claim(Pipeline.Result r, String id) {
    return r.workload().all(Volume.class).stream().filter(v -> v.id.equals(id)).findFirst().get();
  }

  private static String velero(String template) {
    return """
        apiVersion: velero.io/v1
        kind: Schedule
        metadata:
          name: nightly
          namespace: velero
        spec:
          schedule: "0 3 * * *"
          template:
        """
        + template.indent(4);
  }

  @Test
  void claimTemplateIsAClaimVolumeOwnedByTheStatefulSetAtTheTemplateName() throws IOException {
    Volume v = claim(run(null), "PersistentVolumeClaim/shop/data-orders-db");
    assertThat(v.owner).isEqualTo("StatefulSet shop/orders-db");
    assertThat(v.perReplica).isTrue();
    assertThat(v.location.line()).isEqualTo(21);
    assertThat(v.labels).containsEntry("app", "orders-db");
  }

  @Test
  void mountedClaimAndItsClaimObjectAreOneVolumeWithTheClaimLabels() throws IOException {
    Pipeline.Result r = run(null);
    assertThat(r.workload().all(Volume.class)).hasSize(2);
    Volume v = claim(r, "PersistentVolumeClaim/shop/uploads");
    assertThat(v.owner).isEqualTo("Deployment shop/media");
    assertThat(v.labels).containsEntry("tier", "files");
  }

  @Test
  void veleroLabelSelectorCoversAClaimThroughThePodsThatMountIt() throws IOException {
    Pipeline.Result r =
        run(velero("labelSelector:\n  matchLabels:\n    app: media\nincludedNamespaces: [shop]\n"));
    assertThat(
            BackupCoverage.ofClaim(r.workload(), claim(r, "PersistentVolumeClaim/shop/uploads"))
                .covered())
        .isTrue();
    assertThat(
            BackupCoverage.ofClaim(
                    r.workload(), claim(r, "PersistentVolumeClaim/shop/data-orders-db"))
                .covered())
        .isFalse();
  }

  @Test
  void veleroExcludingTheNamespaceDoesNotCoverIt() throws IOException {
    Pipeline.Result r = run(velero("excludedNamespaces: [shop]\n"));
    assertThat(
            BackupCoverage.ofClaim(r.workload(), claim(r, "PersistentVolumeClaim/shop/uploads"))
                .covered())
        .isFalse();
  }

  @Test
  void veleroWithoutVolumeSnapshotsOrFileSystemBackupDoesNotCoverVolumeData() throws IOException {
    Pipeline.Result r = run(velero("snapshotVolumes: false\n"));
    assertThat(
            BackupCoverage.ofClaim(r.workload(), claim(r, "PersistentVolumeClaim/shop/uploads"))
                .covered())
        .isFalse();
  }

  @Test
  void snapshotOfOneReplicaClaimCoversTheClaimTemplate() throws IOException {
    Pipeline.Result r =
        run(
            """
            apiVersion: snapshot.storage.k8s.io/v1
            kind: VolumeSnapshot
            metadata:
              name: orders-before-migration
              namespace: shop
            spec:
              source:
                persistentVolumeClaimName: data-orders-db-0
            """);
    assertThat(
            BackupCoverage.ofClaim(
                    r.workload(), claim(r, "PersistentVolumeClaim/shop/data-orders-db"))
                .covered())
        .isTrue();
  }

  @Test
  void recoveryRowOfACoveredClaimNamesTheScheduleAndVeleroDefaultRetention() throws IOException {
    Pipeline.Result r = run(velero("includedNamespaces: [shop]\n"));
    Assessment.RecoveryRow row =
        r.assessment().recovery().stream()
            .filter(x -> x.resource().equals("PersistentVolumeClaim/shop/uploads"))
            .findFirst()
            .get();
    assertThat(row.backup()).isEqualTo("Velero Schedule velero/nightly");
    assertThat(row.frequency()).isEqualTo("0 3 * * *");
    assertThat(row.retention()).isEqualTo("30 days (Velero default ttl 720h)");
  }

  @Test
  void databaseWithAClaimTemplateIsNotSaidToKeepDataInThePod() throws IOException {
    StatefulService s = run(null).workload().all(StatefulService.class).get(0);
    assertThat(s.podLocalData.present()).isFalse();
  }

  private static final String CNPG =
      """
      apiVersion: postgresql.cnpg.io/v1
      kind: Cluster
      metadata:
        name: orders
        namespace: shop
      spec:
        instances: 3
      ---
      apiVersion: postgresql.cnpg.io/v1
      kind: ScheduledBackup
      metadata:
        name: orders-daily
        namespace: shop
      spec:
        schedule: "0 0 3 * * *"
        suspend: %s
        cluster:
          name: orders
      """;

  private String recoveryBackupOfOrders(String suspend) throws IOException {
    return run(CNPG.formatted(suspend)).assessment().recovery().stream()
        .filter(x -> x.resource().equals("Cluster/shop/orders"))
        .findFirst()
        .get()
        .backup();
  }

  @Test
  void scheduledBackupNamingTheClusterIsItsBackupInTheRecoveryTable() throws IOException {
    assertThat(recoveryBackupOfOrders("false")).isEqualTo("CloudNativePG backups");
  }

  @Test
  void suspendedScheduledBackupDoesNotBackUpTheCluster() throws IOException {
    assertThat(recoveryBackupOfOrders("true")).isEqualTo("none");
  }

  @Test
  void restoreTestOfKubernetesClaimsIsAVeleroOrSnapshotRestoreNotAwsBackup() throws IOException {
    Assessment.TestRow row =
        run(null).assessment().testingPlan().stream()
            .filter(t -> t.test().equals("Backup restore"))
            .findFirst()
            .get();
    assertThat(row.awsService()).isEqualTo("Velero restore or VolumeSnapshot restore");
  }
}

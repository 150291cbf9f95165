package dev.relplan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.model.BackupPlan;
import dev.relplan.model.BackupSelection;
import dev.relplan.model.BackupVault;
import dev.relplan.model.Bucket;
import dev.relplan.model.Database;
import dev.relplan.model.Resource;
import dev.relplan.model.Table;
import dev.relplan.model.Unknown;
import dev.relplan.model.Value;
import dev.relplan.model.Workload;
import dev.relplan.source.Location;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which AWS Backup plans protect a resource, off-site copies and retention, on models built
 * directly.
 */
class BackupCoverageTest {
  private final Workload w = new Workload();
  private int line = 1;

  private Location next() {
    return new Location("backup.yaml", line++);
  }

  private <T extends Resource> T add(T r) {
    w.add(r);
    return r;
  }

  private Database instance(String id) {
    Database db = add(new Database("t", id, "AWS::RDS::DBInstance", next()));
    db.kind = Database.Kind.INSTANCE;
    return db;
  }

  private Table table(String id) {
    return add(new Table("t", id, "AWS::DynamoDB::Table", next()));
  }

  private BackupPlan plan(String id, BackupPlan.Rule... rules) {
    BackupPlan p = add(new BackupPlan("t", id, "AWS::Backup::BackupPlan", next()));
    p.rules.addAll(List.of(rules));
    return p;
  }

  private BackupPlan.Rule rule(Value<Integer> deleteAfterDays, BackupPlan.CopyAction... copies) {
    return new BackupPlan.Rule(
        "daily",
        Value.explicit("cron(0 3 * * ? *)", List.of()),
        deleteAfterDays,
        Value.absent(),
        List.of(copies),
        next());
  }

  private BackupSelection selection(BackupPlan plan) {
    BackupSelection s =
        add(
            new BackupSelection(
                "t", plan.id + "Selection", "AWS::Backup::BackupSelection", next()));
    s.plan = Value.explicit(plan.ref(), List.of());
    return s;
  }

  private static Value<List<Object>> list(Object... items) {
    return Value.explicit(List.of(items), List.of(new Location("backup.yaml", 99)));
  }

  private static Value<Integer> days(int n) {
    return Value.explicit(n, List.of());
  }

  @Test
  void aSelectionNamingTheResourceCoversItAtTheSelectionsLine() {
    Database db = instance("Orders");
    BackupPlan p = plan("Plan", rule(days(35)));
    selection(p).resources = list(db.ref());
    BackupCoverage.Result result = BackupCoverage.of(w, db);
    assertThat(result.covered()).isTrue();
    assertThat(result.protections()).extracting(BackupCoverage.Protection::plan).containsExactly(p);
    assertThat(result.protections().get(0).decidingLine())
        .isEqualTo(new Location("backup.yaml", 99));
  }

  @Test
  void anArnPatternSelectsEveryResourceOfItsType() {
    Database db = instance("Orders");
    Table t = table("Carts");
    selection(plan("Plan", rule(days(35)))).resources = list("arn:aws:rds:*:*:db:*");
    assertThat(BackupCoverage.of(w, db).covered()).isTrue();
    assertThat(BackupCoverage.of(w, t).covered()).isFalse();
  }

  @Test
  void aWildcardSelectsEveryResource() {
    Table t = table("Carts");
    selection(plan("Plan", rule(days(35)))).resources = list("*");
    assertThat(BackupCoverage.of(w, t).covered()).isTrue();
  }

  @Test
  void aTagConditionSelectsResourcesWithThatTagValueOnly() {
    Table tagged = table("Carts");
    tagged.tags.put("backup", "daily");
    Table other = table("Sessions");
    other.tags.put("backup", "none");
    selection(plan("Plan", rule(days(35)))).tagConditions = list("backup=daily");
    assertThat(BackupCoverage.of(w, tagged).covered()).isTrue();
    assertThat(BackupCoverage.of(w, other).covered()).isFalse();
  }

  @Test
  void anExcludedResourceIsNotCoveredByItsWildcardSelection() {
    Table t = table("Carts");
    BackupSelection s = selection(plan("Plan", rule(days(35))));
    s.resources = list("*");
    s.notResources = list(t.ref());
    assertThat(BackupCoverage.of(w, t).covered()).isFalse();
  }

  @Test
  void anUnresolvableSelectedResourceLeavesAnUncoveredResourceUndetermined() {
    Table t = table("Carts");
    selection(plan("Plan", rule(days(35)))).resources =
        list(new Unknown("Fn::ImportValue shared-table-arn"));
    BackupCoverage.Result result = BackupCoverage.of(w, t);
    assertThat(result.covered()).isFalse();
    assertThat(result.undetermined())
        .contains("cannot be resolved: Fn::ImportValue shared-table-arn");
  }

  @Test
  void aCopyToAVaultDeclaredInTheWorkloadStaysInTheRegion() {
    BackupVault local = add(new BackupVault("t", "Vault", "AWS::Backup::BackupVault", next()));
    BackupPlan p =
        plan(
            "Plan",
            rule(
                days(35),
                new BackupPlan.CopyAction(
                    Value.explicit(local.ref(), List.of()), days(35), next())));
    assertThat(BackupCoverage.offsiteCopies(w, p)).isEmpty();
  }

  @Test
  void aCopyToAVaultArnIsOffSite() {
    BackupPlan.CopyAction copy =
        new BackupPlan.CopyAction(
            Value.explicit("arn:aws:backup:us-west-2:123456789012:backup-vault:dr", List.of()),
            days(35),
            next());
    BackupPlan p = plan("Plan", rule(days(35), copy));
    assertThat(BackupCoverage.offsiteCopies(w, p)).containsExactly(copy);
  }

  @Test
  void anOffSiteCopyOfACoveringPlanIsOffSiteEvidenceOfTheResource() {
    Table t = table("Carts");
    BackupPlan.CopyAction copy =
        new BackupPlan.CopyAction(
            Value.explicit("arn:aws:backup:us-west-2:123456789012:backup-vault:dr", List.of()),
            days(35),
            next());
    selection(plan("Plan", rule(days(35), copy))).resources = list(t.ref());
    assertThat(BackupCoverage.offsiteEvidence(w, t)).containsExactly(copy.location());
  }

  @Test
  void aReadReplicaInAnotherRegionIsOffSiteEvidenceAndOneInTheSameRegionIsNot() {
    Database primary = instance("Primary");
    primary.region = Value.explicit("us-east-1", List.of());
    Database sameRegion = instance("Reader");
    sameRegion.region = Value.explicit("us-east-1", List.of());
    Database otherRegion = instance("DrReplica");
    otherRegion.region = Value.explicit("us-west-2", List.of(new Location("backup.yaml", 77)));
    primary.replicas.addAll(List.of(sameRegion, otherRegion));
    assertThat(BackupCoverage.offsiteEvidence(w, primary))
        .containsExactly(otherRegion.location, new Location("backup.yaml", 77));
  }

  @Test
  void aTableWithReplicasInOtherRegionsHasOffSiteEvidence() {
    Table t = table("Carts");
    t.replicaRegions =
        Value.explicit(List.of("us-east-1", "eu-west-1"), List.of(new Location("backup.yaml", 55)));
    assertThat(BackupCoverage.offsiteEvidence(w, t))
        .containsExactly(new Location("backup.yaml", 55));
  }

  @Test
  void theShortestRetentionIsThatOfTheShortestRule() {
    BackupPlan p = plan("Plan", rule(days(35)), rule(days(7)), rule(Value.absent()));
    assertThat(BackupCoverage.shortestRetention(p).get()).isEqualTo(7);
  }

  @Test
  void aPlanWhoseRulesKeepBackupsForeverHasNoShortestRetention() {
    BackupPlan p = plan("Plan", rule(Value.absent()));
    assertThat(BackupCoverage.shortestRetention(p).present()).isFalse();
    assertThat(BackupCoverage.shortestRetention(p).unresolved()).isFalse();
  }

  @Test
  void anUnresolvedRetentionMakesTheShortestUnresolved() {
    BackupPlan p =
        plan(
            "Plan",
            rule(days(35)),
            rule(Value.unresolved("parameter RetentionDays has no value", List.of())));
    assertThat(BackupCoverage.shortestRetention(p).unresolved()).isTrue();
  }

  @Test
  void dataStoresLeaveOutClusterMembersAndBucketsOfReproducibleData() {
    Database cluster = add(new Database("t", "Cluster", "AWS::RDS::DBCluster", next()));
    cluster.kind = Database.Kind.CLUSTER;
    Database member = instance("Writer");
    member.cluster = Value.explicit(cluster.ref(), List.of());
    Bucket logs = add(new Bucket("t", "AccessLogsBucket", "AWS::S3::Bucket", next()));
    Bucket uploads = add(new Bucket("t", "UploadsBucket", "AWS::S3::Bucket", next()));
    assertThat(BackupCoverage.dataStores(w))
        .containsExactly(cluster, uploads)
        .doesNotContain(member, logs);
  }
}

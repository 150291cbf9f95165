package dev.relplan.iac.terraform;

import static dev.relplan.iac.common.TypedSettings.or;

import dev.relplan.iac.common.AwsData;
import dev.relplan.model.BackupPlan;
import dev.relplan.model.BackupSelection;
import dev.relplan.model.BackupVault;
import dev.relplan.model.Bucket;
import dev.relplan.model.Cache;
import dev.relplan.model.Database;
import dev.relplan.model.FileSystem;
import dev.relplan.model.ResourceRef;
import dev.relplan.model.RestoreTestingPlan;
import dev.relplan.model.StatefulService;
import dev.relplan.model.Table;
import dev.relplan.model.Unknown;
import dev.relplan.model.Value;
import dev.relplan.model.Volume;
import dev.relplan.model.Workload;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Databases, tables, caches, brokers, search domains, storage and AWS Backup (aws provider). */
final class DataMappers {
  private static final AwsData.DatabaseClusterKeys DATABASE_CLUSTER =
      new AwsData.DatabaseClusterKeys(
          "engine",
          "backup_retention_period",
          "deletion_protection",
          "global_cluster_identifier",
          "db_cluster_instance_class",
          "engine_mode",
          "replication_source_identifier");
  private static final AwsData.TableKeys TABLE =
      new AwsData.TableKeys(
          "name",
          "billing_mode",
          "point_in_time_recovery.enabled",
          "deletion_protection_enabled",
          "read_capacity",
          "write_capacity",
          "ttl.enabled");
  private static final AwsData.BackupPlanKeys BACKUP_PLAN =
      new AwsData.BackupPlanKeys(
          "rule",
          "rule_name",
          "schedule",
          "lifecycle.delete_after",
          "enable_continuous_backup",
          "copy_action",
          "destination_vault_arn",
          "lifecycle.delete_after");
  private static final AwsData.BackupSelectionKeys BACKUP_SELECTION =
      new AwsData.BackupSelectionKeys(
          "plan_id",
          "resources",
          "not_resources",
          "selection_tag",
          "condition.string_equals",
          "key",
          "value");

  private DataMappers() {}

  static void register(Map<String, Mapper> m) {
    m.put("aws_db_instance", DataMappers::dbInstance);
    m.put("aws_rds_cluster", r -> dbCluster(r, null));
    m.put("aws_docdb_cluster", r -> dbCluster(r, "docdb"));
    m.put("aws_neptune_cluster", r -> dbCluster(r, "neptune"));
    m.put("aws_rds_cluster_instance", r -> clusterInstance(r, null));
    m.put("aws_docdb_cluster_instance", r -> clusterInstance(r, "docdb"));
    m.put("aws_neptune_cluster_instance", r -> clusterInstance(r, "neptune"));
    m.put("aws_dynamodb_table", DataMappers::table);
    m.put("aws_elasticache_cluster", DataMappers::cacheCluster);
    m.put("aws_elasticache_replication_group", DataMappers::replicationGroup);
    m.put("aws_mq_broker", DataMappers::broker);
    m.put("aws_opensearch_domain", DataMappers::searchDomain);
    m.put("aws_elasticsearch_domain", DataMappers::searchDomain);
    m.put("aws_efs_file_system", DataMappers::fileSystem);
    m.put("aws_efs_backup_policy", DataMappers::efsBackupPolicy);
    m.put("aws_efs_replication_configuration", DataMappers::efsReplication);
    m.put(
        "aws_ebs_volume",
        r -> {
          Volume v = new Volume(r.scope(), r.address, r.type, r.location);
          v.availabilityZone = r.attrs.str("availability_zone");
          v.onDelete = r.onDelete("DELETE", "terraform destroy deletes the volume");
          r.add(v);
        });
    m.put("aws_s3_bucket", DataMappers::bucket);
    m.put("aws_s3_bucket_versioning", DataMappers::bucketVersioning);
    m.put("aws_s3_bucket_replication_configuration", DataMappers::bucketReplication);
    m.put("aws_s3_bucket_notification", DataMappers::bucketNotification);
    m.put("aws_backup_plan", DataMappers::backupPlan);
    m.put("aws_backup_selection", DataMappers::backupSelection);
    m.put(
        "aws_backup_vault",
        r -> {
          BackupVault v = r.add(new BackupVault(r.scope(), r.address, r.type, r.location));
          r.module.session.regionOf.put(v.key(), r.region());
          r.module.session.providerOf.put(v.key(), new String[] {r.provider()});
        });
    m.put("aws_db_instance_automated_backups_replication", DataMappers::backupReplication);
    m.put(
        "aws_backup_restore_testing_plan",
        r -> r.add(new RestoreTestingPlan(r.scope(), r.address, r.type, r.location)));
  }

  static void dbInstance(ResourceContext r) {
    Attrs p = r.attrs;
    Database db = new Database(r.scope(), r.address, r.type, r.location);
    db.kind = Database.Kind.INSTANCE;
    db.name = p.str("identifier");
    db.engine = p.str("engine");
    db.replicaSource = p.ref("replicate_source_db");
    db.multiAz =
        or(
            p.bool("multi_az"),
            false,
            "RDS creates a Single-AZ instance unless multi_az is true (the aws provider's default is false)");
    db.backupRetentionDays =
        or(
            p.integer("backup_retention_period"),
            1,
            "RDS keeps automated backups for 1 day when backup_retention_period is not set");
    db.deletionProtection =
        or(p.bool("deletion_protection"), false, "deletion protection is off by default");
    db.onDelete = finalSnapshot(r);
    r.add(db);
  }

  /** Terraform takes a final snapshot on destroy unless skip_final_snapshot is true. */
  private static Value<String> finalSnapshot(ResourceContext r) {
    Value<String> retained =
        r.onDelete(
            "SNAPSHOT",
            "Terraform takes a final snapshot on destroy (skip_final_snapshot defaults to false)");
    if (retained.isExplicit()) return retained;
    Value<Boolean> skip = r.attrs.bool("skip_final_snapshot");
    if (skip.isTrue()) return Value.explicit("DELETE", skip.trace());
    if (skip.unresolved()) return Value.unresolved(skip.note(), skip.trace());
    return retained;
  }

  static void dbCluster(ResourceContext r, String family) {
    Attrs p = r.attrs;
    Database db = new Database(r.scope(), r.address, r.type, r.location);
    db.name = p.str("cluster_identifier");
    AwsData.databaseCluster(db, p, DATABASE_CLUSTER, family, r.location);
    db.onDelete = finalSnapshot(r);
    r.add(db);
  }

  static void clusterInstance(ResourceContext r, String family) {
    Attrs p = r.attrs;
    Database db = new Database(r.scope(), r.address, r.type, r.location);
    db.kind = Database.Kind.INSTANCE;
    db.engine = family != null ? Value.explicit(family, List.of(r.location)) : p.str("engine");
    db.cluster = p.ref("cluster_identifier");
    if (!db.cluster.present() && !db.cluster.unresolved()) {
      db.cluster = Value.unresolved("cluster_identifier is not set", List.of(r.location));
    }
    db.multiAz =
        Value.defaulted(
            false,
            "a cluster instance runs in one zone; availability comes from the cluster's other instances");
    db.deletionProtection = Value.defaulted(false, "judged on the cluster");
    db.onDelete = Value.defaulted("DELETE", "cluster instances hold no data of their own");
    r.add(db);
  }

  static void table(ResourceContext r) {
    Attrs p = r.attrs;
    Table t = new Table(r.scope(), r.address, r.type, r.location);
    AwsData.table(t, p, TABLE);
    List<Object> regions = new ArrayList<>();
    List<Location> trace = new ArrayList<>();
    for (Attrs rep : p.nested("replica")) {
      Value<String> region = rep.str("region_name");
      regions.add(region.present() ? region.get() : new Unknown("replica region"));
      trace.add(rep.location());
    }
    // replica blocks name the other Regions; the table itself lives in the provider's Region.
    if (!regions.isEmpty()) regions.add(0, "provider Region");
    t.replicaRegions = regions.isEmpty() ? Value.absent() : Value.explicit(regions, trace);
    t.onDelete = r.onDelete("DELETE", "terraform destroy deletes the table");
    r.add(t);
  }

  static void cacheCluster(ResourceContext r) {
    Attrs p = r.attrs;
    if (p.has("replication_group_id")) {
      // A member of a replication group: judged with its group.
      r.addGeneric();
      return;
    }
    Cache cache = new Cache(r.scope(), r.address, r.type, r.location);
    AwsData.standaloneCacheCluster(cache, r.location);
    cache.engine = p.str("engine");
    cache.snapshotRetentionDays =
        or(
            p.integer("snapshot_retention_limit"),
            0,
            "ElastiCache takes no automatic snapshots unless snapshot_retention_limit is set");
    r.add(cache);
  }

  static void replicationGroup(ResourceContext r) {
    Attrs p = r.attrs;
    Cache cache = new Cache(r.scope(), r.address, r.type, r.location);
    cache.kind = Cache.Kind.REPLICATION_GROUP;
    cache.engine =
        or(
            p.str("engine"),
            "redis",
            "replication groups run Redis OSS unless engine says otherwise");
    Value<Integer> replicas = p.integer("replicas_per_node_group");
    Value<Integer> clusters = p.integer("num_cache_clusters");
    if (!clusters.present() && !clusters.unresolved())
      clusters = p.integer("number_cache_clusters");
    if (replicas.present() || replicas.unresolved()) {
      cache.nodesPerShard = replicas.map(x -> x + 1);
    } else if (clusters.present() || clusters.unresolved()) {
      cache.nodesPerShard = clusters;
    } else {
      cache.nodesPerShard =
          Value.defaulted(
              1,
              "a replication group has one node unless num_cache_clusters or replicas_per_node_group is set");
    }
    cache.automaticFailover =
        or(p.bool("automatic_failover_enabled"), false, "automatic failover is off by default");
    cache.multiAz = or(p.bool("multi_az_enabled"), false, "Multi-AZ is off by default");
    cache.snapshotRetentionDays =
        or(
            p.integer("snapshot_retention_limit"),
            0,
            "ElastiCache takes no automatic snapshots unless snapshot_retention_limit is set");
    r.add(cache);
  }

  static void broker(ResourceContext r) {
    Attrs p = r.attrs;
    StatefulService s = new StatefulService(r.scope(), r.address, r.type, r.location);
    AwsData.broker(
        s,
        or(
            p.str("deployment_mode"),
            "SINGLE_INSTANCE",
            "the aws provider's default deployment_mode is SINGLE_INSTANCE"));
    r.add(s);
  }

  static void searchDomain(ResourceContext r) {
    Attrs p = r.attrs;
    StatefulService s = new StatefulService(r.scope(), r.address, r.type, r.location);
    AwsData.searchDomain(
        s,
        p.integer("cluster_config.instance_count"),
        p.bool("cluster_config.zone_awareness_enabled"));
    r.add(s);
  }

  static void fileSystem(ResourceContext r) {
    Attrs p = r.attrs;
    FileSystem fs = new FileSystem(r.scope(), r.address, r.type, r.location);
    fs.backupPolicy =
        Value.defaulted(
            "DISABLED",
            "EFS automatic backups are off unless an aws_efs_backup_policy enables them");
    fs.oneZone = p.str("availability_zone_name");
    fs.onDelete = r.onDelete("DELETE", "terraform destroy deletes the file system");
    r.add(fs);
  }

  static void efsBackupPolicy(ResourceContext r) {
    r.addGeneric();
    Value<Object> fsRef = r.attrs.ref("file_system_id");
    Value<String> status = r.attrs.str("backup_policy.status");
    r.later(
        w -> {
          FileSystem fs = w.resolve(fsRef.get(), FileSystem.class);
          if (fs != null) fs.backupPolicy = status.withTrace(List.of(r.location));
        });
  }

  static void efsReplication(ResourceContext r) {
    r.addGeneric();
    Value<Object> fsRef = r.attrs.ref("source_file_system_id");
    Value<String> region = r.attrs.str("destination.region");
    r.later(
        w -> {
          FileSystem fs = w.resolve(fsRef.get(), FileSystem.class);
          if (fs == null) return;
          List<Object> regions =
              new ArrayList<>(
                  fs.replicationRegions.present() ? fs.replicationRegions.get() : List.of());
          regions.add(region.present() ? region.get() : new Unknown("replication region"));
          fs.replicationRegions = Value.explicit(regions, List.of(r.location));
        });
  }

  static void bucket(ResourceContext r) {
    Attrs p = r.attrs;
    Bucket b = new Bucket(r.scope(), r.address, r.type, r.location);
    b.name = p.str("bucket");
    if (p.has("versioning")) {
      Value<Boolean> enabled = p.bool("versioning.enabled");
      b.versioning = enabled.map(e -> e ? "Enabled" : "Suspended");
    }
    List<Object> destinations =
        AwsData.replicationDestinations(
            p.nested("replication_configuration.rules"), "destination.bucket");
    b.replicationDestinations =
        destinations.isEmpty()
            ? Value.absent()
            : Value.explicit(destinations, List.of(p.keyLocation("replication_configuration")));
    b.objectLock = p.bool("object_lock_enabled");
    b.onDelete = r.onDelete("DELETE", "terraform destroy deletes the bucket");
    r.add(b);
  }

  static void bucketVersioning(ResourceContext r) {
    r.addGeneric();
    Value<Object> bucketRef = r.attrs.ref("bucket");
    Value<String> status = r.attrs.str("versioning_configuration.status");
    r.later(
        w -> {
          Bucket b = w.resolve(bucketRef.get(), Bucket.class);
          if (b != null) b.versioning = status.withTrace(List.of(r.location));
        });
  }

  static void bucketReplication(ResourceContext r) {
    r.addGeneric();
    Value<Object> bucketRef = r.attrs.ref("bucket");
    List<Object> destinations =
        AwsData.replicationDestinations(r.attrs.nested("rule"), "destination.bucket");
    r.later(
        w -> {
          Bucket b = w.resolve(bucketRef.get(), Bucket.class);
          if (b != null && !destinations.isEmpty())
            b.replicationDestinations = Value.explicit(destinations, List.of(r.location));
        });
  }

  static void bucketNotification(ResourceContext r) {
    r.addGeneric();
    Value<Object> bucketRef = r.attrs.ref("bucket");
    Value<List<Object>> functions =
        r.attrs.collect("lambda_function", "lambda_function_arn", r.location);
    r.later(
        w -> {
          Bucket b = w.resolve(bucketRef.get(), Bucket.class);
          if (b != null && functions.present()) b.lambdaNotifications = functions;
        });
  }

  static void backupPlan(ResourceContext r) {
    BackupPlan plan = new BackupPlan(r.scope(), r.address, r.type, r.location);
    AwsData.backupPlanRules(plan, r.attrs, BACKUP_PLAN);
    r.add(plan);
    r.later(w -> crossRegionCopies(r, plan, w));
  }

  /**
   * Automated backups replicated to the Region of this resource's provider (always another Region).
   */
  static void backupReplication(ResourceContext r) {
    r.addGeneric();
    Value<Object> source = r.attrs.ref("source_db_instance_arn");
    Value<String> region = r.region();
    String where = region.present() ? region.get() : "the Region of provider " + r.provider();
    List<Location> trace = new ArrayList<>(List.of(r.location));
    for (Location l : region.trace()) if (!trace.contains(l)) trace.add(l);
    r.later(
        w -> {
          Database db = w.resolve(source.get(), Database.class);
          if (db != null) db.backupReplicationRegion = Value.explicit(where, trace);
        });
  }

  /**
   * A copy action to a vault created through another provider configuration goes to that provider's
   * Region.
   */
  private static void crossRegionCopies(ResourceContext r, BackupPlan plan, Workload w) {
    Value<String> planRegion = r.region();
    List<BackupPlan.Rule> rules = new ArrayList<>(plan.rules);
    plan.rules.clear();
    for (BackupPlan.Rule rule : rules) {
      List<BackupPlan.CopyAction> copies = new ArrayList<>();
      for (BackupPlan.CopyAction c : rule.copyActions()) {
        BackupPlan.CopyAction out = c;
        if (c.destinationVault().get() instanceof ResourceRef ref
            && w.get(ref.key()) instanceof BackupVault vault) {
          String[] provider = r.module.session.providerOf.get(vault.key());
          Value<String> vaultRegion = r.module.session.regionOf.get(vault.key());
          boolean otherProvider = provider != null && !provider[0].equals(r.provider());
          if (otherProvider
              && vaultRegion != null
              && vaultRegion.present()
              && planRegion.present()
              && !vaultRegion.get().equals(planRegion.get())) {
            List<Location> trace = new ArrayList<>(c.destinationVault().trace());
            for (Location l : vaultRegion.trace()) if (!trace.contains(l)) trace.add(l);
            out =
                new BackupPlan.CopyAction(
                    Value.explicit(
                        "arn:aws:backup:" + vaultRegion.get() + ":vault:" + vault.id, trace),
                    c.deleteAfterDays(),
                    c.location());
          } else if (otherProvider
              && (vaultRegion == null || !vaultRegion.present() || !planRegion.present())) {
            out =
                new BackupPlan.CopyAction(
                    Value.unresolved(
                        "vault "
                            + vault.id
                            + " is created through provider "
                            + provider[0]
                            + " whose Region cannot be compared with the plan's",
                        c.destinationVault().trace()),
                    c.deleteAfterDays(),
                    c.location());
          }
        }
        copies.add(out);
      }
      plan.rules.add(
          new BackupPlan.Rule(
              rule.name(),
              rule.schedule(),
              rule.deleteAfterDays(),
              rule.continuous(),
              copies,
              rule.location()));
    }
  }

  static void backupSelection(ResourceContext r) {
    BackupSelection s = new BackupSelection(r.scope(), r.address, r.type, r.location);
    AwsData.backupSelection(s, r.attrs, BACKUP_SELECTION);
    r.add(s);
  }
}

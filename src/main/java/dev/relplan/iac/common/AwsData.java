package dev.relplan.iac.common;

import static dev.relplan.iac.common.TypedSettings.or;

import dev.relplan.model.BackupPlan;
import dev.relplan.model.BackupSelection;
import dev.relplan.model.Cache;
import dev.relplan.model.Database;
import dev.relplan.model.StatefulService;
import dev.relplan.model.Table;
import dev.relplan.model.Unknown;
import dev.relplan.model.Value;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;

/**
 * Databases, tables, caches, brokers, search domains, buckets and AWS Backup as every format that
 * declares AWS resources describes them: what is read and which service defaults apply. Each format
 * gives its own spelling of the settings.
 */
public final class AwsData {
  private AwsData() {}

  /** How a format spells a database cluster's engine, backups, protection and replication. */
  public record DatabaseClusterKeys(
      String engine,
      String backupRetentionPeriod,
      String deletionProtection,
      String globalCluster,
      String instanceClass,
      String engineMode,
      String replicationSource) {}

  /** How a format spells an ElastiCache replication group's nodes, failover and snapshots. */
  public record ReplicationGroupKeys(
      String engine,
      String replicasPerNodeGroup,
      String numCacheClusters,
      String nodeGroupConfiguration,
      String automaticFailover,
      String multiAz,
      String snapshotRetentionLimit) {}

  /**
   * An ElastiCache replication group: nodes per shard from the replicas or the cluster count, with
   * the service's defaults (one node, no failover, no Multi-AZ, no snapshots).
   */
  public static void replicationGroup(Cache cache, TypedSettings<?> p, ReplicationGroupKeys keys) {
    cache.kind = Cache.Kind.REPLICATION_GROUP;
    cache.engine =
        or(
            p.str(keys.engine()),
            "redis",
            "replication groups run Redis OSS unless Engine says otherwise");
    Value<Integer> replicas = p.integer(keys.replicasPerNodeGroup());
    Value<Integer> clusters = p.integer(keys.numCacheClusters());
    if (replicas.present()) {
      cache.nodesPerShard = replicas.map(r -> r + 1);
    } else if (clusters.present() || clusters.unresolved()) {
      cache.nodesPerShard = clusters;
    } else if (p.has(keys.nodeGroupConfiguration())) {
      cache.nodesPerShard =
          Value.unresolved(
              "nodes are set per node group",
              List.of(p.keyLocation(keys.nodeGroupConfiguration())));
    } else {
      cache.nodesPerShard =
          Value.defaulted(
              1,
              "a replication group has one node unless NumCacheClusters or ReplicasPerNodeGroup is set");
    }
    cache.automaticFailover =
        or(p.bool(keys.automaticFailover()), false, "automatic failover is off by default");
    cache.multiAz = or(p.bool(keys.multiAz()), false, "Multi-AZ is off by default");
    cache.snapshotRetentionDays =
        or(
            p.integer(keys.snapshotRetentionLimit()),
            0,
            "ElastiCache takes no automatic snapshots unless SnapshotRetentionLimit is set");
  }

  /** How a format spells a DynamoDB table's capacity and protection. */
  public record TableKeys(
      String name,
      String billingMode,
      String pointInTimeRecovery,
      String deletionProtection,
      String readCapacity,
      String writeCapacity,
      String timeToLive) {}

  /** How a format spells a backup plan's rules (each rule's and copy action's keys nested). */
  public record BackupPlanKeys(
      String rules,
      String ruleName,
      String schedule,
      String deleteAfterDays,
      String continuousBackup,
      String copyActions,
      String copyDestination,
      String copyDeleteAfterDays) {}

  /**
   * How a format spells a backup selection's plan, resources and tag conditions (each condition's
   * key and value nested).
   */
  public record BackupSelectionKeys(
      String plan,
      String resources,
      String notResources,
      String tags,
      String stringEqualsConditions,
      String conditionKey,
      String conditionValue) {}

  /**
   * A database cluster (Aurora, DocumentDB, Neptune: the family when the type names it) with the
   * services' defaults.
   */
  public static void databaseCluster(
      Database db, TypedSettings<?> p, DatabaseClusterKeys keys, String family, Location at) {
    db.kind = Database.Kind.CLUSTER;
    db.engine = family != null ? Value.explicit(family, List.of(at)) : p.str(keys.engine());
    db.backupRetentionDays =
        or(
            p.integer(keys.backupRetentionPeriod()),
            1,
            "automated backups are kept for 1 day by default");
    db.deletionProtection =
        or(p.bool(keys.deletionProtection()), false, "deletion protection is off by default");
    db.globalCluster = p.ref(keys.globalCluster());
    db.clusterInstanceClass = p.str(keys.instanceClass());
    db.engineMode = or(p.str(keys.engineMode()), "provisioned", "Aurora default engine mode");
    db.replicaSource = p.ref(keys.replicationSource());
  }

  /**
   * A DynamoDB table's name, billing mode, recovery, protection and provisioned capacity, with the
   * service's defaults.
   */
  public static void table(Table t, TypedSettings<?> p, TableKeys keys) {
    t.name = p.str(keys.name());
    t.billingMode =
        or(
            p.str(keys.billingMode()),
            "PROVISIONED",
            "DynamoDB tables are PROVISIONED unless " + keys.billingMode() + " is PAY_PER_REQUEST");
    t.pointInTimeRecovery =
        or(p.bool(keys.pointInTimeRecovery()), false, "point-in-time recovery is off by default");
    t.deletionProtection =
        or(p.bool(keys.deletionProtection()), false, "deletion protection is off by default");
    t.readCapacity = p.integer(keys.readCapacity());
    t.writeCapacity = p.integer(keys.writeCapacity());
    t.timeToLive = or(p.bool(keys.timeToLive()), false, "items never expire unless TTL is enabled");
  }

  /**
   * A Redis, Valkey or Memcached cache cluster outside a replication group: one node, nothing to
   * fail over to.
   */
  public static void standaloneCacheCluster(Cache cache, Location at) {
    cache.kind = Cache.Kind.CACHE_CLUSTER;
    // A Redis/Valkey cache cluster is a single node; Memcached spreads keys over nodes without
    // replicas.
    cache.nodesPerShard = Value.explicit(1, List.of(at));
    cache.automaticFailover =
        Value.defaulted(false, "a standalone cache cluster has no replica to fail over to");
  }

  /** An Amazon MQ broker: replicated unless it runs as a single instance. */
  public static void broker(StatefulService s, Value<String> deploymentMode) {
    s.service = "Amazon MQ";
    s.topology = deploymentMode.present() ? deploymentMode.get() + " broker" : "broker";
    s.replicated = deploymentMode.map(mode -> !mode.equals("SINGLE_INSTANCE"));
  }

  /**
   * An OpenSearch (or Elasticsearch) domain, judged on its data node count and zone awareness with
   * the service's defaults.
   */
  public static void searchDomain(
      StatefulService s, Value<Integer> instanceCount, Value<Boolean> zoneAwareness) {
    s.service = "OpenSearch Service";
    s.judgeSearchDomain(
        or(instanceCount, 1, "OpenSearch domains have one data node by default"),
        or(zoneAwareness, false, "zone awareness is off by default"));
  }

  /**
   * The destination buckets of replication rules; a destination that cannot be resolved stays in
   * the list as unknown.
   */
  public static List<Object> replicationDestinations(
      List<? extends TypedSettings<?>> rules, String destinationBucket) {
    List<Object> destinations = new ArrayList<>();
    for (TypedSettings<?> rule : rules) {
      Value<Object> destination = rule.ref(destinationBucket);
      if (destination.present()) destinations.add(destination.get());
      else if (destination.unresolved()) destinations.add(new Unknown(destination.note()));
    }
    return destinations;
  }

  /**
   * A backup plan's rules: schedule (AWS Backup's daily default), retention, continuous backup and
   * copy actions.
   */
  public static void backupPlanRules(BackupPlan plan, TypedSettings<?> p, BackupPlanKeys keys) {
    for (TypedSettings<?> rule : p.nested(keys.rules())) {
      List<BackupPlan.CopyAction> copies = new ArrayList<>();
      for (TypedSettings<?> copy : rule.nested(keys.copyActions())) {
        copies.add(
            new BackupPlan.CopyAction(
                copy.ref(keys.copyDestination()),
                copy.integer(keys.copyDeleteAfterDays()),
                copy.location()));
      }
      plan.rules.add(
          new BackupPlan.Rule(
              rule.str(keys.ruleName()).orElse("rule"),
              or(
                  rule.str(keys.schedule()),
                  "cron(0 5 ? * * *)",
                  "AWS Backup runs rules daily at 05:00 UTC when no schedule is set"),
              rule.integer(keys.deleteAfterDays()),
              or(rule.bool(keys.continuousBackup()), false, "continuous backup is off by default"),
              copies,
              rule.location()));
    }
  }

  /**
   * A backup selection's plan, resources, and tag conditions as key=value (a condition on
   * aws:ResourceTag/ reads as the tag).
   */
  public static void backupSelection(
      BackupSelection s, TypedSettings<?> p, BackupSelectionKeys keys) {
    s.plan = p.ref(keys.plan());
    s.resources = p.list(keys.resources());
    s.notResources = p.list(keys.notResources());
    List<Object> tags = new ArrayList<>();
    List<Location> trace = new ArrayList<>();
    for (TypedSettings<?> tag : p.nested(keys.tags())) {
      tags.add(
          tag.str(keys.conditionKey()).orElse("?")
              + "="
              + tag.str(keys.conditionValue()).orElse("*"));
      trace.add(tag.location());
    }
    for (TypedSettings<?> condition : p.nested(keys.stringEqualsConditions())) {
      String key = condition.str(keys.conditionKey()).orElse("?");
      if (key.startsWith("aws:ResourceTag/")) key = key.substring("aws:ResourceTag/".length());
      tags.add(key + "=" + condition.str(keys.conditionValue()).orElse("*"));
      trace.add(condition.location());
    }
    s.tagConditions = tags.isEmpty() ? Value.absent() : Value.explicit(tags, trace);
  }
}

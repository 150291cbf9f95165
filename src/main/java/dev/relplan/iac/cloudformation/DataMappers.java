package dev.relplan.iac.cloudformation;

import static dev.relplan.iac.common.TypedSettings.or;

import dev.relplan.iac.common.AwsData;
import dev.relplan.model.BackupPlan;
import dev.relplan.model.BackupSelection;
import dev.relplan.model.BackupVault;
import dev.relplan.model.Bucket;
import dev.relplan.model.Cache;
import dev.relplan.model.Database;
import dev.relplan.model.FileSystem;
import dev.relplan.model.RestoreTestingPlan;
import dev.relplan.model.StatefulService;
import dev.relplan.model.Table;
import dev.relplan.model.Unknown;
import dev.relplan.model.Value;
import dev.relplan.model.Volume;
import dev.relplan.parse.MapNode;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Databases, tables, caches, brokers, storage and AWS Backup. */
final class DataMappers {
  private static final AwsData.DatabaseClusterKeys DATABASE_CLUSTER =
      new AwsData.DatabaseClusterKeys(
          "Engine",
          "BackupRetentionPeriod",
          "DeletionProtection",
          "GlobalClusterIdentifier",
          "DBClusterInstanceClass",
          "EngineMode",
          "ReplicationSourceIdentifier");
  private static final AwsData.TableKeys TABLE =
      new AwsData.TableKeys(
          "TableName",
          "BillingMode",
          "PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled",
          "DeletionProtectionEnabled",
          "ProvisionedThroughput.ReadCapacityUnits",
          "ProvisionedThroughput.WriteCapacityUnits",
          "TimeToLiveSpecification.Enabled");
  private static final AwsData.ReplicationGroupKeys REPLICATION_GROUP =
      new AwsData.ReplicationGroupKeys(
          "Engine",
          "ReplicasPerNodeGroup",
          "NumCacheClusters",
          "NodeGroupConfiguration",
          "AutomaticFailoverEnabled",
          "MultiAZEnabled",
          "SnapshotRetentionLimit");
  private static final AwsData.BackupPlanKeys BACKUP_PLAN =
      new AwsData.BackupPlanKeys(
          "BackupPlan.BackupPlanRule",
          "RuleName",
          "ScheduleExpression",
          "Lifecycle.DeleteAfterDays",
          "EnableContinuousBackup",
          "CopyActions",
          "DestinationBackupVaultArn",
          "Lifecycle.DeleteAfterDays");
  private static final AwsData.BackupSelectionKeys BACKUP_SELECTION =
      new AwsData.BackupSelectionKeys(
          "BackupPlanId",
          "BackupSelection.Resources",
          "BackupSelection.NotResources",
          "BackupSelection.ListOfTags",
          "BackupSelection.Conditions.StringEquals",
          "ConditionKey",
          "ConditionValue");

  private DataMappers() {}

  static void register(Map<String, Mapper> m) {
    m.put("AWS::RDS::DBInstance", DataMappers::dbInstance);
    m.put("AWS::RDS::DBCluster", DataMappers::dbCluster);
    m.put("AWS::DocDB::DBCluster", DataMappers::dbCluster);
    m.put("AWS::Neptune::DBCluster", DataMappers::dbCluster);
    m.put("AWS::DocDB::DBInstance", DataMappers::dbInstance);
    m.put("AWS::Neptune::DBInstance", DataMappers::dbInstance);
    m.put("AWS::DynamoDB::Table", DataMappers::table);
    m.put("AWS::DynamoDB::GlobalTable", DataMappers::globalTable);
    m.put("AWS::ElastiCache::CacheCluster", DataMappers::cacheCluster);
    m.put("AWS::ElastiCache::ReplicationGroup", DataMappers::replicationGroup);
    m.put("AWS::ElastiCache::ServerlessCache", DataMappers::serverlessCache);
    m.put("AWS::MemoryDB::Cluster", DataMappers::memoryDb);
    m.put("AWS::AmazonMQ::Broker", DataMappers::broker);
    m.put("AWS::OpenSearchService::Domain", c -> searchDomain(c, "ClusterConfig"));
    m.put("AWS::Elasticsearch::Domain", c -> searchDomain(c, "ElasticsearchClusterConfig"));
    m.put("AWS::EFS::FileSystem", DataMappers::fileSystem);
    m.put("AWS::EC2::Volume", DataMappers::volume);
    m.put("AWS::S3::Bucket", DataMappers::bucket);
    m.put("AWS::Backup::BackupPlan", DataMappers::backupPlan);
    m.put("AWS::Backup::BackupSelection", DataMappers::backupSelection);
    m.put(
        "AWS::Backup::BackupVault",
        c -> c.add(new BackupVault(c.template.scope, c.id, c.type, c.location)));
    m.put(
        "AWS::Backup::RestoreTestingPlan",
        c -> c.add(new RestoreTestingPlan(c.template.scope, c.id, c.type, c.location)));
  }

  private static String engineFamily(String type) {
    return type.startsWith("AWS::DocDB")
        ? "docdb"
        : type.startsWith("AWS::Neptune") ? "neptune" : null;
  }

  static void dbInstance(ResourceContext c) {
    Props p = c.props;
    Database db = new Database(c.template.scope, c.id, c.type, c.location);
    db.kind = Database.Kind.INSTANCE;
    String family = engineFamily(c.type);
    db.engine = family != null ? Value.explicit(family, List.of(c.location)) : p.str("Engine");
    db.cluster = p.ref("DBClusterIdentifier");
    db.replicaSource = p.ref("SourceDBInstanceIdentifier");
    db.multiAz =
        or(p.bool("MultiAZ"), false, "RDS creates a Single-AZ instance unless MultiAZ is true");
    db.backupRetentionDays =
        or(
            p.integer("BackupRetentionPeriod"),
            1,
            "RDS keeps automated backups for 1 day by default");
    db.deletionProtection =
        or(p.bool("DeletionProtection"), false, "deletion protection is off by default");
    db.backupReplicationRegion = p.str("AutomaticBackupReplicationRegion");
    boolean member = db.cluster.present() || family != null;
    db.onDelete = c.deletionPolicy(member ? "DELETE" : "SNAPSHOT");
    c.add(db);
  }

  static void dbCluster(ResourceContext c) {
    Props p = c.props;
    Database db = new Database(c.template.scope, c.id, c.type, c.location);
    String family = engineFamily(c.type);
    AwsData.databaseCluster(db, p, DATABASE_CLUSTER, family, c.location);
    db.onDelete = c.deletionPolicy(family != null ? "DELETE" : "SNAPSHOT");
    c.add(db);
  }

  static void table(ResourceContext c) {
    Props p = c.props;
    Table t = new Table(c.template.scope, c.id, c.type, c.location);
    AwsData.table(t, p, TABLE);
    t.onDelete = c.deletionPolicy("DELETE");
    c.add(t);
  }

  static void globalTable(ResourceContext c) {
    Props p = c.props;
    Table t = new Table(c.template.scope, c.id, c.type, c.location);
    t.name = p.str("TableName");
    t.billingMode =
        or(
            p.str("BillingMode"),
            "PROVISIONED",
            "global tables are PROVISIONED unless BillingMode is PAY_PER_REQUEST");
    List<Object> regions = new ArrayList<>();
    Boolean allPitr = null;
    List<Location> pitrTrace = new ArrayList<>();
    for (MapNode replica : p.maps("Replicas")) {
      Props rp = p.child(replica);
      Value<String> region = rp.str("Region");
      regions.add(region.present() ? region.get() : new Unknown("replica region"));
      Value<Boolean> pitr = rp.bool("PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled");
      boolean on = pitr.isTrue();
      allPitr = allPitr == null ? on : allPitr && on;
      pitrTrace.addAll(pitr.trace());
    }
    t.replicaRegions =
        Value.explicit(
            regions,
            List.of(p.keyLocation("Replicas") == null ? c.location : p.keyLocation("Replicas")));
    t.pointInTimeRecovery =
        allPitr == null || !allPitr
            ? Value.defaulted(
                false, "point-in-time recovery is off unless enabled on every replica")
            : Value.explicit(true, pitrTrace);
    t.deletionProtection = Value.absent();
    t.onDelete = c.deletionPolicy("DELETE");
    c.add(t);
  }

  static void cacheCluster(ResourceContext c) {
    Props p = c.props;
    Cache cache = new Cache(c.template.scope, c.id, c.type, c.location);
    AwsData.standaloneCacheCluster(cache, c.location);
    cache.engine = p.str("Engine");
    cache.snapshotRetentionDays =
        or(
            p.integer("SnapshotRetentionLimit"),
            0,
            "ElastiCache takes no automatic snapshots unless SnapshotRetentionLimit is set");
    c.add(cache);
  }

  static void replicationGroup(ResourceContext c) {
    Cache cache = new Cache(c.template.scope, c.id, c.type, c.location);
    AwsData.replicationGroup(cache, c.props, REPLICATION_GROUP);
    c.add(cache);
  }

  static void serverlessCache(ResourceContext c) {
    Props p = c.props;
    Cache cache = new Cache(c.template.scope, c.id, c.type, c.location);
    cache.kind = Cache.Kind.SERVERLESS;
    cache.engine = p.str("Engine");
    cache.nodesPerShard =
        Value.defaulted(
            2, "ElastiCache Serverless replicates data across multiple Availability Zones");
    cache.automaticFailover =
        Value.defaulted(true, "ElastiCache Serverless fails over automatically");
    cache.multiAz = Value.defaulted(true, "ElastiCache Serverless is Multi-AZ");
    cache.snapshotRetentionDays =
        or(
            p.integer("SnapshotRetentionLimit"),
            0,
            "no automatic snapshots unless SnapshotRetentionLimit is set");
    c.add(cache);
  }

  static void memoryDb(ResourceContext c) {
    Props p = c.props;
    Cache cache = new Cache(c.template.scope, c.id, c.type, c.location);
    cache.kind = Cache.Kind.MEMORYDB;
    cache.engine = Value.explicit("memorydb", List.of(c.location));
    cache.nodesPerShard =
        or(p.integer("NumReplicasPerShard"), 1, "MemoryDB creates one replica per shard by default")
            .map(r -> r + 1);
    cache.automaticFailover =
        Value.defaulted(true, "MemoryDB fails over to a replica automatically");
    cache.multiAz = cache.nodesPerShard.map(n -> n > 1);
    cache.snapshotRetentionDays =
        or(
            p.integer("SnapshotRetentionLimit"),
            0,
            "MemoryDB keeps no automatic snapshots unless SnapshotRetentionLimit is set");
    c.add(cache);
  }

  static void broker(ResourceContext c) {
    Props p = c.props;
    StatefulService s = new StatefulService(c.template.scope, c.id, c.type, c.location);
    AwsData.broker(s, p.str("DeploymentMode"));
    c.add(s);
  }

  static void searchDomain(ResourceContext c, String configKey) {
    Props p = c.props;
    StatefulService s = new StatefulService(c.template.scope, c.id, c.type, c.location);
    AwsData.searchDomain(
        s, p.integer(configKey + ".InstanceCount"), p.bool(configKey + ".ZoneAwarenessEnabled"));
    c.add(s);
  }

  static void fileSystem(ResourceContext c) {
    Props p = c.props;
    FileSystem fs = new FileSystem(c.template.scope, c.id, c.type, c.location);
    fs.backupPolicy =
        or(
            p.str("BackupPolicy.Status"),
            "DISABLED",
            "EFS automatic backups are off unless BackupPolicy is ENABLED");
    fs.oneZone = p.str("AvailabilityZoneName");
    List<Object> regions = new ArrayList<>();
    for (MapNode d : p.maps("ReplicationConfiguration.Destinations")) {
      Value<String> r = p.child(d).str("Region");
      regions.add(r.present() ? r.get() : new Unknown("replication region"));
    }
    fs.replicationRegions =
        regions.isEmpty()
            ? Value.absent()
            : Value.explicit(regions, List.of(p.keyLocation("ReplicationConfiguration")));
    fs.onDelete = c.deletionPolicy("DELETE");
    c.add(fs);
  }

  static void volume(ResourceContext c) {
    Volume v = new Volume(c.template.scope, c.id, c.type, c.location);
    v.availabilityZone = c.props.str("AvailabilityZone");
    v.onDelete = c.deletionPolicy("DELETE");
    c.add(v);
  }

  static void bucket(ResourceContext c) {
    Props p = c.props;
    Bucket b = new Bucket(c.template.scope, c.id, c.type, c.location);
    b.name = p.str("BucketName");
    b.versioning = p.str("VersioningConfiguration.Status");
    List<Object> destinations =
        AwsData.replicationDestinations(
            p.nested("ReplicationConfiguration.Rules"), "Destination.Bucket");
    b.replicationDestinations =
        destinations.isEmpty()
            ? Value.absent()
            : Value.explicit(destinations, List.of(p.keyLocation("ReplicationConfiguration")));
    b.objectLock = p.bool("ObjectLockEnabled");
    b.lambdaNotifications =
        p.collect(
            "NotificationConfiguration.LambdaConfigurations",
            "Function",
            p.keyLocation("NotificationConfiguration"));
    b.onDelete = c.deletionPolicy("DELETE");
    c.add(b);
  }

  static void backupPlan(ResourceContext c) {
    BackupPlan plan = new BackupPlan(c.template.scope, c.id, c.type, c.location);
    AwsData.backupPlanRules(plan, c.props, BACKUP_PLAN);
    c.add(plan);
  }

  static void backupSelection(ResourceContext c) {
    BackupSelection s = new BackupSelection(c.template.scope, c.id, c.type, c.location);
    AwsData.backupSelection(s, c.props, BACKUP_SELECTION);
    c.add(s);
  }
}

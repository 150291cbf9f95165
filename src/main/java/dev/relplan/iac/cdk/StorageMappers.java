package dev.relplan.iac.cdk;

import static dev.relplan.iac.common.TypedSettings.or;

import dev.relplan.iac.common.AwsData;
import dev.relplan.iac.common.Evaluated;
import dev.relplan.model.Bucket;
import dev.relplan.model.Cache;
import dev.relplan.model.Database;
import dev.relplan.model.Value;
import dev.relplan.model.Workload;
import dev.relplan.parse.javascript.JsFile;
import dev.relplan.parse.javascript.JsNode;
import dev.relplan.source.Location;
import java.util.List;

/**
 * Data stores beyond single instances and tables: {@code rds.DatabaseCluster} (the cluster and the
 * instances it creates: a writer and readers, or {@code instances}), {@code s3.Bucket} and the L1
 * {@code elasticache.CfnReplicationGroup}, whose properties are CloudFormation's in camelCase.
 */
final class StorageMappers {
  private StorageMappers() {}

  private static final AwsData.ReplicationGroupKeys REPLICATION_GROUP =
      new AwsData.ReplicationGroupKeys(
          "engine",
          "replicasPerNodeGroup",
          "numCacheClusters",
          "nodeGroupConfiguration",
          "automaticFailoverEnabled",
          "multiAzEnabled",
          "snapshotRetentionLimit");

  static void databaseCluster(Construct c, Workload draft) {
    CdkProps p = c.props();
    Database db = new Database(c.scope(), c.id(), "AWS::RDS::DBCluster", c.location());
    db.kind = Database.Kind.CLUSTER;
    db.engine = p.str("engine");
    db.engineMode =
        Value.defaulted(
            "provisioned",
            ConstructMappers.constructDefault(c, "is a provisioned (not Serverless v1) cluster"));
    db.backupRetentionDays =
        or(
            p.days("backup.retention"),
            1,
            ConstructMappers.constructDefault(c, "keeps automated backups for 1 day"));
    db.onDelete =
        ConstructMappers.removalPolicy(
            c, "SNAPSHOT", "takes a final snapshot when removed (RemovalPolicy.SNAPSHOT)");
    db.deletionProtection = ConstructMappers.deletionProtection(c, db.onDelete);
    c.add(db, draft);
    instances(c, draft);
  }

  /**
   * The cluster's instances: {@code writer} and each of {@code readers}, else {@code instances} (2
   * by default); one whose existence cannot be read is added as unresolved.
   */
  private static void instances(Construct c, Workload draft) {
    CdkProps p = c.props();
    if (p.has("writer") || p.has("readers")) {
      if (p.has("writer"))
        instance(c, name(p.node("writer"), "writer"), p.keyLocation("writer"), draft);
      if (!p.has("readers")) return;
      Evaluated readers = p.expressions().eval(p.node("readers"));
      if (readers.value() instanceof List<?> list) {
        JsNode array = p.node("readers").unwrap();
        List<JsNode> items =
            array.is("array")
                ? array.children.stream().filter(n -> !n.is("comment")).toList()
                : List.of();
        for (int i = 0; i < list.size(); i++) {
          JsNode item = i < items.size() ? items.get(i) : null;
          instance(c, name(item, "reader" + (i + 1)), p.keyLocation("readers"), draft);
        }
      } else {
        Database unknown = instance(c, "readers", p.keyLocation("readers"), draft);
        unknown.exists =
            Value.unresolved(
                "the readers " + Expressions.excerpt(p.node("readers")) + " are not followed",
                List.of(p.keyLocation("readers")));
      }
      return;
    }
    Value<Integer> count =
        or(p.integer("instances"), 2, ConstructMappers.constructDefault(c, "creates 2 instances"));
    Location at = p.has("instances") ? p.keyLocation("instances") : c.location();
    if (count.unresolved()) {
      Database unknown = instance(c, "Instance1", at, draft);
      unknown.exists = Value.unresolved(count.note(), count.trace());
      return;
    }
    for (int i = 1; i <= count.get(); i++) instance(c, "Instance" + i, at, draft);
  }

  /** {@code ClusterInstance.provisioned('writer', …)}: the instance's construct id. */
  private static String name(JsNode call, String fallback) {
    if (call == null || !call.unwrap().is("call_expression")) return fallback;
    List<JsNode> args = JsFile.arguments(call.unwrap());
    String id = args.isEmpty() ? null : args.get(0).stringValue();
    return id != null ? id : fallback;
  }

  private static Database instance(Construct c, String name, Location at, Workload draft) {
    Database member = new Database(c.scope(), c.id() + "/" + name, "AWS::RDS::DBInstance", at);
    member.kind = Database.Kind.INSTANCE;
    member.cluster = Value.explicit(c.ref(), List.of(c.location()));
    member.onDelete =
        Value.defaulted(
            "DELETE", "a cluster's instances are deleted with it; the cluster keeps the data");
    member.declaredType = c.declaredType();
    if (draft.get(member.key()) == null) draft.add(member);
    return member;
  }

  static void bucket(Construct c, Workload draft) {
    CdkProps p = c.props();
    Bucket b = new Bucket(c.scope(), c.id(), "AWS::S3::Bucket", c.location());
    b.name = p.str("bucketName");
    Value<Boolean> versioned = p.bool("versioned");
    b.versioning =
        versioned.present()
            ? versioned.map(v -> v ? "Enabled" : "Disabled")
            : versioned.unresolved()
                ? versioned.map(v -> (String) null)
                : Value.absent(); // the construct's default, like the service's: unversioned
    b.objectLock = p.bool("objectLockEnabled");
    b.onDelete =
        ConstructMappers.removalPolicy(
            c, "RETAIN", "is retained when removed (RemovalPolicy.RETAIN)");
    c.add(b, draft);
  }

  /** The L1 construct: CloudFormation's properties and defaults, spelled in camelCase. */
  static void cfnReplicationGroup(Construct c, Workload draft) {
    Cache cache = new Cache(c.scope(), c.id(), "AWS::ElastiCache::ReplicationGroup", c.location());
    AwsData.replicationGroup(cache, c.props(), REPLICATION_GROUP);
    c.add(cache, draft);
  }
}

package dev.relplan.rules.faulttolerance;

import dev.relplan.model.*;
import dev.relplan.rules.*;
import java.util.*;

/**
 * Caches, brokers, search clusters and file systems whose data lives on one node or in one zone.
 */
public final class StatefulNoReplication extends BaseRule {
  public StatefulNoReplication() {
    super(
        RuleMeta.builder("REL-STATEFUL-NO-REPLICATION")
            .flag("FT-STATEFUL-NO-REPLICATION")
            .domain(Domain.FAULT_TOLERANCE)
            .title("Stateful service runs without replication")
            .bestPractices("REL10-BP01", "REL11-BP02")
            .impact(
                Impact.SEVERE,
                "Losing the single node or its zone loses the data it holds and stops every client until it is rebuilt.")
            .likelihood(
                Likelihood.MEDIUM,
                "One node or zone failure is enough; node replacements also happen during routine maintenance.")
            .tier(Tier.QUICK_WIN)
            .effort("Hours to days: add replicas and enable automatic failover")
            .services("ElastiCache", "MemoryDB", "Amazon MQ", "OpenSearch Service", "EFS")
            .remediation(
                "Add at least one replica in another Availability Zone and enable automatic failover (ElastiCache: NumCacheClusters >= 2, AutomaticFailoverEnabled and MultiAZEnabled; MQ: ACTIVE_STANDBY_MULTI_AZ; OpenSearch: zone awareness with 2+ nodes; EFS: Regional storage).")
            .advice(
                Fix.in(
                        Dialect.CLOUDFORMATION,
                        "Run the cache as an AWS::ElastiCache::ReplicationGroup with a replica in another zone: NumCacheClusters: 2 (or more), AutomaticFailoverEnabled: true and MultiAZEnabled: true.",
                        """
                Cache:
                  Type: AWS::ElastiCache::ReplicationGroup
                  Properties:
                    NumCacheClusters: 2
                    AutomaticFailoverEnabled: true
                    MultiAZEnabled: true
                """)
                    .on("AWS::ElastiCache::ReplicationGroup", "AWS::ElastiCache::CacheCluster")
                    .involving("ElastiCache"),
                Fix.in(
                        Dialect.CLOUDFORMATION,
                        "Give every shard at least one replica (NumReplicasPerShard: 1 or more); MemoryDB places replicas across Availability Zones and fails over to them.",
                        """
                Cluster:
                  Type: AWS::MemoryDB::Cluster
                  Properties:
                    NumReplicasPerShard: 1
                """)
                    .on("AWS::MemoryDB::Cluster")
                    .involving("MemoryDB"),
                Fix.in(
                        Dialect.CLOUDFORMATION,
                        "Deploy the broker as an active/standby pair across two zones: DeploymentMode: ACTIVE_STANDBY_MULTI_AZ (RabbitMQ: CLUSTER_MULTI_AZ) with a subnet in each zone.",
                        """
                Broker:
                  Type: AWS::AmazonMQ::Broker
                  Properties:
                    DeploymentMode: ACTIVE_STANDBY_MULTI_AZ
                    SubnetIds: [!Ref SubnetA, !Ref SubnetB]
                """)
                    .on("AWS::AmazonMQ::Broker")
                    .involving("Amazon MQ"),
                Fix.in(
                        Dialect.CLOUDFORMATION,
                        "Enable zone awareness with at least two data nodes: ClusterConfig ZoneAwarenessEnabled: true, InstanceCount: 2 or more and ZoneAwarenessConfig AvailabilityZoneCount, with replica shards in the indices.",
                        """
                Domain:
                  Type: AWS::OpenSearchService::Domain
                  Properties:
                    ClusterConfig:
                      InstanceCount: 2
                      ZoneAwarenessEnabled: true
                      ZoneAwarenessConfig:
                        AvailabilityZoneCount: 2
                """)
                    .on("AWS::OpenSearchService::Domain", "AWS::Elasticsearch::Domain")
                    .involving("OpenSearch Service"),
                Fix.in(
                        Dialect.CLOUDFORMATION,
                        "Use Regional (Multi-AZ) storage: remove AvailabilityZoneName, which makes the file system One Zone, and create a mount target in each zone (a new file system: copy the data over).",
                        """
                FileSystem:
                  Type: AWS::EFS::FileSystem
                  Properties:
                    # no AvailabilityZoneName: Regional storage across zones
                    Encrypted: true
                """)
                    .on("AWS::EFS::FileSystem")
                    .involving("EFS"),
                Fix.in(
                        Dialect.TERRAFORM,
                        "Run the cache as an aws_elasticache_replication_group with a replica in another zone: num_cache_clusters = 2 (or more), automatic_failover_enabled = true and multi_az_enabled = true.",
                        """
                resource "aws_elasticache_replication_group" "cache" {
                  # ...
                  num_cache_clusters         = 2
                  automatic_failover_enabled = true
                  multi_az_enabled           = true
                }
                """)
                    .on("aws_elasticache_replication_group", "aws_elasticache_cluster")
                    .involving("ElastiCache"),
                Fix.in(
                        Dialect.TERRAFORM,
                        "Deploy the broker as an active/standby pair across two zones: deployment_mode = \"ACTIVE_STANDBY_MULTI_AZ\" (RabbitMQ: \"CLUSTER_MULTI_AZ\") with a subnet in each zone.",
                        """
                resource "aws_mq_broker" "main" {
                  # ...
                  deployment_mode = "ACTIVE_STANDBY_MULTI_AZ"
                  subnet_ids      = [aws_subnet.a.id, aws_subnet.b.id]
                }
                """)
                    .on("aws_mq_broker")
                    .involving("Amazon MQ"),
                Fix.in(
                        Dialect.TERRAFORM,
                        "Enable zone awareness with at least two data nodes in cluster_config: zone_awareness_enabled = true, instance_count of 2 or more and zone_awareness_config availability_zone_count, with replica shards in the indices.",
                        """
                resource "aws_opensearch_domain" "search" {
                  cluster_config {
                    instance_count         = 2
                    zone_awareness_enabled = true
                    zone_awareness_config {
                      availability_zone_count = 2
                    }
                  }
                }
                """)
                    .on("aws_opensearch_domain", "aws_elasticsearch_domain")
                    .involving("OpenSearch Service"),
                Fix.in(
                        Dialect.TERRAFORM,
                        "Use Regional (Multi-AZ) storage: drop availability_zone_name, which makes the file system One Zone, and add an aws_efs_mount_target in each zone (a new file system: copy the data over).",
                        """
                resource "aws_efs_file_system" "shared" {
                  # no availability_zone_name: Regional storage across zones
                  encrypted = true
                }
                """)
                    .on("aws_efs_file_system")
                    .involving("EFS"),
                Fix.in(
                        Dialect.KUBERNETES,
                        "Run the database with replicas that hold a copy of the data, through its operator (e.g. CloudNativePG instances: 3, a Redis or Kafka operator with replication) or a managed service (RDS Multi-AZ, ElastiCache, Amazon MQ), instead of one pod with the only copy.",
                        """
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata:
                  name: orders-db
                spec:
                  instances: 3
                  storage:
                    size: 20Gi
                """)
                    .effort(
                        "Days: move the data to a replicated operator-managed cluster or a managed service")
                    .involving("EKS", "RDS"),
                Fix.in(
                        Dialect.COMPOSE,
                        "Keep the database's data on a named volume (so it survives the container) and move the data of record to a managed, replicated service (RDS Multi-AZ, ElastiCache with a replica, Amazon MQ active/standby) the services reach by its endpoint; a single container on one host has no second copy to fail over to.",
                        """
                services:
                  db:
                    image: postgres:16
                    restart: unless-stopped
                    volumes:
                      - db-data:/var/lib/postgresql/data
                volumes:
                  db-data: {}
                """)
                    .effort("Days: move the data to a managed, replicated service")
                    .involving("RDS", "ElastiCache"),
                Fix.in(
                        Dialect.CDK,
                        "Give the replication group a replica in another zone: numCacheClusters: 2 (or more), automaticFailoverEnabled: true and multiAzEnabled: true.",
                        """
                new elasticache.CfnReplicationGroup(this, 'Cache', {
                  // ...
                  numCacheClusters: 2,
                  automaticFailoverEnabled: true,
                  multiAzEnabled: true,
                });
                """)
                    .on("AWS::ElastiCache::ReplicationGroup"))
            .formats(
                InputFormat.CLOUDFORMATION,
                InputFormat.TERRAFORM,
                InputFormat.KUBERNETES,
                InputFormat.COMPOSE,
                InputFormat.CDK)
            .build());
  }

  @Override
  public void check(Workload w, Context ctx, Findings out) {
    for (Cache c : w.all(Cache.class)) checkCache(c, out);
    for (StatefulService s : w.all(StatefulService.class)) checkStatefulService(s, out);
    for (FileSystem fs : w.all(FileSystem.class)) checkFileSystem(fs, out);
  }

  /** A Redis or Valkey cache needs a replica per shard and automatic failover. */
  private void checkCache(Cache c, Findings out) {
    String engine = c.engine.orElse("redis").toLowerCase(Locale.ROOT);
    if (engine.equals("memcached"))
      return; // Memcached has no replication by design: it is a pure cache.
    if (c.nodesPerShard.unresolved()) {
      out.report(this, c, "", "", c.nodesPerShard);
    } else if (c.nodesPerShard.orElse(1) < 2) {
      out.report(
          this,
          c,
          "Cache " + c.id + " has no replica",
          "Each shard of "
              + c.id
              + " has "
              + c.nodesPerShard
              + " node(s): a node failure loses its data and the cache is unavailable until a replacement warms up.",
          c.nodesPerShard);
    } else if (c.automaticFailover.unresolved() && c.kind == Cache.Kind.REPLICATION_GROUP) {
      out.report(this, c, "", "", c.automaticFailover); // Cannot Determine, not a strength
    } else if (c.automaticFailover.isFalse() && c.kind == Cache.Kind.REPLICATION_GROUP) {
      out.report(
          this,
          c,
          "Cache " + c.id + " has replicas but no automatic failover",
          Property.AUTOMATIC_FAILOVER.of(c)
              + " is "
              + c.automaticFailover
              + ": if the primary fails, writes stop until an operator promotes a replica.",
          c.automaticFailover);
    } else {
      out.strength(
          this,
          "Cache "
              + c.id
              + " keeps "
              + c.nodesPerShard.get()
              + " copies of each shard with automatic failover",
          Findings.evidence(c, c.nodesPerShard, c.automaticFailover));
    }
  }

  /** A broker, cluster or search domain needs a copy in another Availability Zone. */
  private void checkStatefulService(StatefulService s, Findings out) {
    if (s.replicated.isFalse()) {
      out.report(
          this,
          s,
          s.service + " " + s.id + " is not replicated",
          s.service
              + " "
              + s.id
              + " runs as "
              + s.topology
              + (ComposeTypes.isCompose(s)
                  ? ": it has no copy on another host."
                  : ": it has no copy in another Availability Zone.")
              + (s.podLocalData.isTrue() ? " " + s.localDataLifetime : ""),
          s.replicated,
          s.podLocalData);
    } else if (s.replicated.unresolved() || !s.replicated.present()) {
      out.report(
          this,
          s,
          "",
          "",
          s.replicated.unresolved()
              ? s.replicated
              : Value.unresolved("deployment mode is not set", List.of(s.location)));
    } else {
      out.strength(
          this,
          s.service + " " + s.id + " is replicated (" + s.topology + ")",
          Findings.evidence(s, s.replicated));
    }
  }

  /** An EFS file system on One Zone storage lives in a single zone. */
  private void checkFileSystem(FileSystem fs, Findings out) {
    if (fs.oneZone.unresolved()) {
      out.report(this, fs, "", "", fs.oneZone); // Cannot Determine
    } else if (fs.oneZone.present()) {
      out.report(
          this,
          fs,
          "EFS file system " + fs.id + " uses One Zone storage",
          Property.ONE_ZONE.of(fs)
              + " places "
              + fs.id
              + " in a single zone: the data is unavailable, and can be lost, if that zone fails.",
          fs.oneZone);
    }
  }
}

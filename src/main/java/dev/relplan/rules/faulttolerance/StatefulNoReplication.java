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
            .formats(InputFormat.CLOUDFORMATION, InputFormat.TERRAFORM)
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
          "AutomaticFailoverEnabled is "
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
              + ": it has no copy in another Availability Zone.",
          s.replicated);
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
          "AvailabilityZoneName places "
              + fs.id
              + " in a single zone: the data is unavailable, and can be lost, if that zone fails.",
          fs.oneZone);
    }
  }
}

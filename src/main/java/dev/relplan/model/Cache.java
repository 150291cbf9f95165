package dev.relplan.model;

import dev.relplan.source.Location;

/**
 * An in-memory cache or data store: ElastiCache cluster, replication group or serverless cache,
 * MemoryDB.
 */
public final class Cache extends Resource {
  public enum Kind {
    CACHE_CLUSTER,
    REPLICATION_GROUP,
    SERVERLESS,
    MEMORYDB
  }

  public Kind kind;
  public Value<String> engine = Value.absent();

  /** Total nodes holding each shard's data (primary plus replicas). */
  public Value<Integer> nodesPerShard = Value.absent();

  public Value<Boolean> automaticFailover = Value.absent();
  public Value<Boolean> multiAz = Value.absent();
  public Value<Integer> snapshotRetentionDays = Value.absent();

  public Cache(String scope, String id, String type, Location location) {
    super(scope, id, type, location);
  }
}

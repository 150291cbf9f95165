package dev.relplan.model;

import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;

/**
 * A relational database: an RDS DB instance, an Aurora or Multi-AZ DB cluster, DocumentDB or
 * Neptune.
 */
public final class Database extends Resource {
  public enum Kind {
    INSTANCE,
    CLUSTER
  }

  public Kind kind;
  public Value<String> engine = Value.absent();
  public Value<Boolean> multiAz = Value.absent();

  /** For a cluster member instance: the cluster it belongs to. */
  public Value<Object> cluster = Value.absent();

  /** For a read replica: its source database. */
  public Value<Object> replicaSource = Value.absent();

  public Value<Integer> backupRetentionDays = Value.absent();
  public Value<Boolean> deletionProtection = Value.absent();

  /** Region that automated backups are replicated to. */
  public Value<String> backupReplicationRegion = Value.absent();

  /** Aurora global database membership. */
  public Value<Object> globalCluster = Value.absent();

  /** Multi-AZ DB cluster (non-Aurora) declares an instance class on the cluster. */
  public Value<String> clusterInstanceClass = Value.absent();

  public Value<String> engineMode = Value.absent();

  /** Filled by the linker: instances of this cluster. */
  public final List<Database> members = new ArrayList<>();

  /** Filled by the linker: replicas of this database. */
  public final List<Database> replicas = new ArrayList<>();

  public boolean isAurora() {
    return engine.present() && engine.get().toLowerCase(java.util.Locale.ROOT).startsWith("aurora");
  }

  public Database(String scope, String id, String type, Location location) {
    super(scope, id, type, location);
  }
}

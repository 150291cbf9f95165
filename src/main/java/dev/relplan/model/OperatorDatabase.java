package dev.relplan.model;

import dev.relplan.source.Location;

/**
 * A database an operator runs on Kubernetes from one custom object (CloudNativePG {@code Cluster},
 * Zalando {@code postgresql}, Crunchy {@code PostgresCluster}); its claims are the operator's, so
 * its backup is judged on the object's own backup settings.
 */
public final class OperatorDatabase extends Resource {
  /** The operator, as a sentence names it: {@code CloudNativePG}. */
  public String operator;

  public String namespace;

  /** True when the object configures the operator's backups, at the line that does. */
  public Value<Boolean> backup = Value.absent();

  public OperatorDatabase(String scope, String id, String type, Location location) {
    super(scope, id, type, location);
  }
}

package dev.relplan.model;

import dev.relplan.source.Location;
import java.util.Map;
import java.util.TreeMap;

/**
 * An EBS volume, a Kubernetes PersistentVolumeClaim (type {@code PersistentVolumeClaim}: a
 * standalone claim, a pod's claim volume or a StatefulSet's claim template), or the named volume or
 * host folder a Compose service keeps its data on (type {@code Compose volume}).
 */
public final class Volume extends Resource {
  /** The Kubernetes type of a claim. */
  public static final String CLAIM = "PersistentVolumeClaim";

  /** The type of a Compose named volume or bind-mounted host folder holding a service's data. */
  public static final String COMPOSE = "Compose volume";

  /**
   * Compose volumes only: whether a backup service of the Compose file copies it (a known backup
   * image mounting the volume or depending on the service that writes it), at that service's line.
   */
  public Value<Boolean> composeBackup = Value.absent();

  public Value<String> availabilityZone = Value.absent();

  /** Kubernetes claims only: the namespace the claim lives in; null for EBS volumes. */
  public String namespace;

  /**
   * Kubernetes claims only: the claim's name; for a StatefulSet's claim template the prefix of its
   * claims ({@code data-orders-db}, each replica's claim adding {@code -0}, {@code -1}, …).
   */
  public String claimName;

  /** True for a StatefulSet's claim template: one claim per replica, named claimName-ordinal. */
  public boolean perReplica;

  /** Labels the claim carries (template labels and, for a claim template, the set's selector). */
  public final Map<String, String> labels = new TreeMap<>();

  /** Labels of the pods that mount it, which a backup tool selecting pods also follows. */
  public final Map<String, String> podLabels = new TreeMap<>();

  /** The workload that mounts it as a sentence names it ({@code StatefulSet shop/orders-db}). */
  public String owner;

  public Volume(String scope, String id, String type, Location location) {
    super(scope, id, type, location);
  }

  /** True for a Compose named volume or host folder. */
  public boolean isCompose() {
    return COMPOSE.equals(type);
  }

  /** True for a Kubernetes PersistentVolumeClaim. */
  public boolean isClaim() {
    return CLAIM.equals(type);
  }
}

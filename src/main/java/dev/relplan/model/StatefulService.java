package dev.relplan.model;

import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;

/**
 * A managed stateful service whose replication is a deployment choice: Amazon MQ broker, OpenSearch
 * domain, MSK cluster, EFS One Zone.
 */
public final class StatefulService extends Resource {
  /** True when data survives the loss of one node or zone. */
  public Value<Boolean> replicated = Value.absent();

  /** Human description of the topology, e.g. "SINGLE_INSTANCE broker". */
  public String topology = "";

  public String service = "";

  /**
   * Kubernetes only: true when its pods mount no persistent volume, so the data lives only as long
   * as the pod (on an emptyDir, cited, or the container's own filesystem); absent otherwise.
   */
  public Value<Boolean> podLocalData = Value.absent();

  /**
   * When {@link #podLocalData} is true: where the data lives and when it is lost, as a sentence (a
   * Kubernetes pod's emptyDir by default; a Compose container's anonymous volume or filesystem).
   */
  public String localDataLifetime =
      "Its pods mount no persistent volume (only emptyDir or the container's filesystem), so the"
          + " data is also lost whenever the pod is deleted, evicted or rescheduled.";

  /**
   * A search domain is replicated when it has more than one data node and zone awareness: the same
   * judgment whichever format declared the node count and zone awareness.
   */
  public void judgeSearchDomain(Value<Integer> count, Value<Boolean> zoneAware) {
    if (count.unresolved()) {
      replicated = count.map(x -> false);
    } else if (zoneAware.unresolved()) {
      replicated = zoneAware;
    } else {
      boolean multi = count.get() > 1 && zoneAware.get();
      List<Location> trace = new ArrayList<>(count.trace());
      trace.addAll(zoneAware.trace());
      replicated =
          trace.isEmpty() ? Value.defaulted(multi, count.note()) : Value.explicit(multi, trace);
    }
    topology =
        (count.present() ? count.get() + " data node(s)" : "data nodes")
            + (zoneAware.isTrue() ? ", zone-aware" : ", single zone");
  }

  public StatefulService(String scope, String id, String type, Location location) {
    super(scope, id, type, location);
  }
}

package dev.relplan.model;

import java.util.ArrayList;
import java.util.List;

/** A managed stateful service whose replication is a deployment choice: Amazon MQ broker, OpenSearch domain, MSK cluster, EFS One Zone. */
public final class StatefulService extends Resource {
  /** True when data survives the loss of one node or zone. */
  public Value<Boolean> replicated = Value.absent();
  /** Human description of the topology, e.g. "SINGLE_INSTANCE broker". */
  public String topology = "";
  public String service = "";
  public StatefulService(String scope, String id, String type, Location location) {
    super(scope, id, type, location);
  }
}

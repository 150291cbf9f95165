package dev.relplan.model;

import dev.relplan.source.Location;
import java.util.List;

/** An Elastic Load Balancer: application, network, gateway or classic. */
public final class LoadBalancer extends Resource {
  public Value<String> lbType = Value.absent();
  public Value<List<Object>> subnets = Value.absent();
  public Value<List<Object>> availabilityZones = Value.absent();
  public Value<Boolean> crossZone = Value.absent();
  public Value<String> scheme = Value.absent();

  /** Classic load balancers carry their own health check. */
  public Value<String> healthCheckTarget = Value.absent();

  public LoadBalancer(String scope, String id, String type, Location location) {
    super(scope, id, type, location);
  }
}

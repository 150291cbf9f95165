package dev.relplan.model;

import dev.relplan.source.Location;

/**
 * A Kubernetes Service: a stable address that load-balances requests to the pods its selector
 * matches. Pods behind it are on the request path.
 */
public final class PodService extends Resource {
  public String namespace;

  /** Null when the Service has no selector (its endpoints are managed elsewhere). */
  public LabelSelector selector;

  /** ClusterIP, NodePort, LoadBalancer or ExternalName. */
  public Value<String> serviceType = Value.absent();

  public PodService(String scope, String id, String type, Location location) {
    super(scope, id, type, location);
  }
}

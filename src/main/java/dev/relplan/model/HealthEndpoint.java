package dev.relplan.model;

import dev.relplan.source.Location;

/**
 * A health-check endpoint declared in application code. {@link #dependencyCheck} is the first call
 * the handler makes beyond building its response (a query, a client call, a delegated check);
 * absent when the handler only returns a constant.
 */
public final class HealthEndpoint extends Resource {
  /** The {@link #path} of a gRPC health service (grpc.health.v1), which gRPC probes ask. */
  public static final String GRPC_HEALTH = "grpc.health.v1.Health/Check";

  public final String framework;
  public final String path;
  public final String handler;
  public Value<String> dependencyCheck = Value.absent();

  /**
   * Set when the route's path starts with a value known only when the service runs (an environment
   * variable, a configuration field): what that value is. {@link #pathSuffix} is then the literal
   * rest, and {@link #path} shows the value in braces.
   */
  public String runtimePrefix;

  public String pathSuffix;

  /**
   * For a route with a {@link #runtimePrefix}: why a path ending with its suffix could be served by
   * another route of the same router; null when no other route could.
   */
  public String suffixShared;

  /** Where the constant answer is returned, when the handler is shallow. */
  public Location response;

  public HealthEndpoint(
      String file, String handler, String framework, String path, Location location) {
    super(file, handler + ":" + location.line(), "code:health-endpoint", location);
    this.framework = framework;
    this.path = path;
    this.handler = handler;
  }

  /**
   * Code names (functions, classes) say nothing about the environment: no production judgement from
   * them.
   */
  @Override
  public String identityText() {
    return "";
  }
}

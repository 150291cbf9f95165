package dev.relplan.model;

import dev.relplan.source.Location;

/**
 * A health-check endpoint declared in application code. {@link #dependencyCheck} is the first call
 * the handler makes beyond building its response (a query, a client call, a delegated check);
 * absent when the handler only returns a constant.
 */
public final class HealthEndpoint extends Resource {
  public final String framework;
  public final String path;
  public final String handler;
  public Value<String> dependencyCheck = Value.absent();

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

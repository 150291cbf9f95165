package dev.relplan.model;

import dev.relplan.source.Location;

/**
 * A Compose service's {@code depends_on} entry: the service it waits for, and what it waits for
 * ({@code service_started}, {@code service_healthy} or {@code service_completed_successfully}),
 * located at the entry.
 */
public record ContainerDependency(String service, Value<String> condition, Location location) {
  /** Compose's condition for the short syntax and for a long entry without one. */
  public static final String STARTED = "service_started";

  public static final String HEALTHY = "service_healthy";
}

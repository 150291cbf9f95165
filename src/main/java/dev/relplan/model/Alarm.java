package dev.relplan.model;

import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;

/** A CloudWatch alarm. */
public final class Alarm extends Resource {
  public Value<String> namespace = Value.absent();
  public Value<String> metricName = Value.absent();

  /** Namespaces of the metrics a metric-math alarm reads, and expressions it uses. */
  public List<String> metricNamespaces = new ArrayList<>();

  public List<String> expressions = new ArrayList<>();
  public Value<List<Object>> actions = Value.absent();
  public boolean composite;

  /** Resources named in the dimensions. */
  public List<ResourceRef> dimensionRefs = List.of();

  public Alarm(String scope, String id, String type, Location location) {
    super(scope, id, type, location);
  }
}

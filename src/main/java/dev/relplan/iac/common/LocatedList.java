package dev.relplan.iac.common;

import dev.relplan.model.Value;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;

/**
 * One list value gathered from several located parts (an Auto Scaling group's target groups and
 * classic load balancers, a deployment group's services and groups), carrying the lines of every
 * part; absent when no part is set.
 */
public final class LocatedList {
  private final List<Object> items = new ArrayList<>();
  private final List<Location> trace = new ArrayList<>();

  /** Adds the value when it is present, with its lines. */
  public LocatedList add(Value<?> part) {
    if (part.present()) {
      items.add(part.get());
      trace.addAll(part.trace());
    }
    return this;
  }

  /** Adds every element of the list when it is present, with its lines. */
  public LocatedList addAll(Value<List<Object>> part) {
    if (part.present()) {
      items.addAll(part.get());
      trace.addAll(part.trace());
    }
    return this;
  }

  public Value<List<Object>> value() {
    return items.isEmpty() ? Value.absent() : Value.explicit(items, trace);
  }

  /**
   * The list with one more element, set by a resource of its own at the given line (a Terraform
   * target group attachment or Auto Scaling attachment).
   */
  public static Value<List<Object>> appended(
      Value<List<Object>> list, Object element, Location at) {
    List<Object> out = new ArrayList<>(list.present() ? list.get() : List.of());
    out.add(element);
    List<Location> trace = new ArrayList<>(list.trace());
    trace.add(at);
    return Value.explicit(out, trace);
  }
}

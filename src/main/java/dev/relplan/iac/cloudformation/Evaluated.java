package dev.relplan.iac.cloudformation;

import dev.relplan.model.Location;
import dev.relplan.model.ResourceRef;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The result of evaluating a template expression: a plain value (String, Boolean, List, Map,
 * {@link ResourceRef}, {@link dev.relplan.model.Unknown} or {@link #NO_VALUE}), the locations that
 * decided it (parameter defaults, parameter files, mapping entries) and every resource it references.
 */
record Evaluated(Object value, List<Location> trace, Set<ResourceRef> refs) {
  /** AWS::NoValue: the property is removed. */
  static final Object NO_VALUE = new Object() {
    @Override
    public String toString() {
      return "AWS::NoValue";
    }
  };

  static Evaluated of(Object value) {
    return new Evaluated(value, List.of(), Set.of());
  }

  Evaluated with(Object newValue) {
    return new Evaluated(newValue, trace, refs);
  }

  /** Combines the provenance of several inputs into a result. */
  static Evaluated combine(Object value, List<Evaluated> parts) {
    List<Location> trace = new ArrayList<>();
    Set<ResourceRef> refs = new LinkedHashSet<>();
    for (Evaluated p : parts) {
      for (Location l : p.trace) if (!trace.contains(l)) trace.add(l);
      refs.addAll(p.refs);
    }
    return new Evaluated(value, trace, refs);
  }
}

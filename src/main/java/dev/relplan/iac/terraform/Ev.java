package dev.relplan.iac.terraform;

import dev.relplan.model.Location;
import dev.relplan.model.ResourceRef;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The result of evaluating a Terraform expression: a plain value (null, String, BigDecimal, Boolean,
 * List, Map, {@link ResourceRef}, {@link dev.relplan.model.Unknown}, or one of the {@link TfValues}
 * holders), the locations that decided it (variable defaults, tfvars lines, locals, module
 * arguments) and every resource it references.
 */
record Ev(Object value, List<Location> trace, Set<ResourceRef> refs) {
  static Ev of(Object value) {
    return new Ev(value, List.of(), Set.of());
  }

  Ev with(Object newValue) {
    return new Ev(newValue, trace, refs);
  }

  /** The same value with locations prepended (e.g. the line of the local that computed it). */
  Ev tracedFirst(List<Location> first) {
    List<Location> t = new ArrayList<>(first);
    for (Location l : trace) if (!t.contains(l)) t.add(l);
    return new Ev(value, t, refs);
  }

  static Ev combine(Object value, List<Ev> parts) {
    List<Location> trace = new ArrayList<>();
    Set<ResourceRef> refs = new LinkedHashSet<>();
    for (Ev p : parts) {
      if (p == null) continue;
      for (Location l : p.trace) if (!trace.contains(l)) trace.add(l);
      refs.addAll(p.refs);
    }
    return new Ev(value, trace, refs);
  }

  static Ev combine(Object value, Ev... parts) {
    return combine(value, List.of(parts));
  }
}

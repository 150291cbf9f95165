package dev.relplan.iac.common;

import dev.relplan.model.ResourceRef;
import dev.relplan.model.Unknown;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The result of evaluating an IaC expression (a CloudFormation intrinsic or a Terraform
 * expression): a plain value (null, String, number, Boolean, List, Map, {@link ResourceRef}, {@link
 * Unknown}, or a format's own marker such as CloudFormation's AWS::NoValue), the locations that
 * decided it (parameter defaults and files, mapping entries, variable defaults, tfvars lines,
 * locals, module arguments) and every resource it references.
 */
public record Evaluated(Object value, List<Location> trace, Set<ResourceRef> refs) {
  public static Evaluated of(Object value) {
    return new Evaluated(value, List.of(), Set.of());
  }

  public Evaluated with(Object newValue) {
    return new Evaluated(newValue, trace, refs);
  }

  /** The same value with locations prepended (e.g. the line of the local that computed it). */
  public Evaluated tracedFirst(List<Location> first) {
    List<Location> t = new ArrayList<>(first);
    Set<Location> seen = new HashSet<>(first);
    for (Location l : trace) if (seen.add(l)) t.add(l);
    return new Evaluated(value, t, refs);
  }

  /** Combines the provenance of several inputs (null parts are skipped) into a result. */
  public static Evaluated combine(Object value, List<Evaluated> parts) {
    // Sets while building: a contains check on a list would be quadratic in the trace length.
    Set<Location> trace = new LinkedHashSet<>();
    Set<ResourceRef> refs = new LinkedHashSet<>();
    for (Evaluated p : parts) {
      if (p == null) continue;
      trace.addAll(p.trace);
      refs.addAll(p.refs);
    }
    return new Evaluated(value, new ArrayList<>(trace), refs);
  }

  public static Evaluated combine(Object value, Evaluated... parts) {
    return combine(value, List.of(parts));
  }
}

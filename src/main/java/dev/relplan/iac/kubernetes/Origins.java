package dev.relplan.iac.kubernetes;

import dev.relplan.parse.Node;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Where a field's value came from besides the line that writes it: a Helm chart's objects are
 * located at their template lines, and the values-file line that supplied a {@code .Values} field
 * is a second piece of evidence. The mappers are static functions over nodes, so the documents'
 * origins are given for the duration of one {@link KubernetesModel#add} call on its thread.
 */
final class Origins {
  private static final ThreadLocal<Function<Node, List<Location>>> CURRENT =
      ThreadLocal.withInitial(() -> n -> List.of());

  private Origins() {}

  /** Runs {@code work} with {@code origins} answering for the nodes it maps. */
  static void with(Map<Node, List<Location>> origins, Runnable work) {
    Function<Node, List<Location>> before = CURRENT.get();
    CURRENT.set(n -> origins.getOrDefault(n, List.of()));
    try {
      work.run();
    } finally {
      CURRENT.set(before);
    }
  }

  /** The node's line, then the lines that supplied its value. */
  static List<Location> trace(Node n) {
    List<Location> more = CURRENT.get().apply(n);
    if (more.isEmpty()) return List.of(n.location());
    List<Location> trace = new ArrayList<>(1 + more.size());
    trace.add(n.location());
    for (Location l : more) if (!trace.contains(l)) trace.add(l);
    return trace;
  }
}

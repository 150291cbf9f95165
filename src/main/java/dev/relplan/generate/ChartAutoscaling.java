package dev.relplan.generate;

import dev.relplan.model.ComputeGroup;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ParseException;
import dev.relplan.parse.SeqNode;
import dev.relplan.parse.YamlLoader;
import dev.relplan.source.Location;

/**
 * A Helm chart's own, switched-off autoscaler for a workload: the values block that sets the
 * workload's replicas also holds {@code autoscaling: {enabled: false, minReplicas, maxReplicas}}
 * (the layout {@code helm create} writes). Turning it on uses the chart's template instead of
 * adding a second autoscaler beside it; the re-assessment of the rendered chart shows whether the
 * template reads it.
 *
 * @param values the values file
 * @param enabledLine the 1-based line of {@code enabled: false}
 * @param block where the autoscaling block is, "file:line"
 */
record ChartAutoscaling(String values, int enabledLine, String block, int min, int max) {
  /** The switched-off autoscaler beside the values line deciding the replicas, or null. */
  static ChartAutoscaling find(FixTarget t, ComputeGroup g) {
    if (g.desired.trace().isEmpty()) return null;
    Location at = g.desired.trace().get(g.desired.trace().size() - 1);
    if (at.file().equals(g.location.file())) return null;
    EditedFile f = t.file(at.file());
    if (f.text == null) return null;
    MapNode holder = null;
    try {
      for (Node d : YamlLoader.loadAll(f.file, f.text))
        if (holder == null) holder = holding(d, at.line());
    } catch (ParseException e) {
      return null;
    }
    MapNode auto = KubernetesFixes.map(holder, "autoscaling");
    MapNode.Entry enabled = auto == null ? null : auto.entry("enabled");
    if (enabled == null
        || !"false".equals(KubernetesFixes.literal(f, enabled.keyLocation().line(), "enabled")))
      return null;
    Integer min = number(KubernetesFixes.text(auto, "minReplicas"));
    Integer max = number(KubernetesFixes.text(auto, "maxReplicas"));
    if (min == null || max == null || min < 2 || max <= min) return null;
    Location blockAt = holder.entry("autoscaling").keyLocation();
    return new ChartAutoscaling(
        at.file(), enabled.keyLocation().line(), KubernetesFixes.at(t, blockAt), min, max);
  }

  /** The line switched on. */
  FixOutcome.Edit edit(FixTarget t) {
    return new FixOutcome.Edit(
        values, KubernetesFixes.setLine(t.file(values), enabledLine, "enabled", "true"));
  }

  /** The mapping with a key at the line, searched depth first. */
  private static MapNode holding(Node n, int line) {
    if (n instanceof MapNode m) {
      for (MapNode.Entry e : m.entries()) if (e.keyLocation().line() == line) return m;
      for (MapNode.Entry e : m.entries()) {
        MapNode found = holding(e.value(), line);
        if (found != null) return found;
      }
    } else if (n instanceof SeqNode s) {
      for (Node item : s.items()) {
        MapNode found = holding(item, line);
        if (found != null) return found;
      }
    }
    return null;
  }

  private static Integer number(String text) {
    try {
      return text == null ? null : Integer.valueOf(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}

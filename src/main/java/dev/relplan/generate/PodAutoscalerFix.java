package dev.relplan.generate;

import dev.relplan.model.ComputeGroup;
import dev.relplan.model.DisruptionBudget;
import dev.relplan.model.Resource;
import dev.relplan.model.ScalableTarget;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * REL-COMPUTE-FIXED and REL-SCALING-NO-POLICY on a Kubernetes Deployment or StatefulSet without an
 * autoscaler: a HorizontalPodAutoscaler on CPU (and a PodDisruptionBudget when none covers the
 * pods), with at least two replicas spread across zones. Objects go at the end of the workload's
 * manifest (a Helm template too), or, when a Kustomize overlay's patch sets the replicas, into a
 * new file of that overlay listed in its kustomization's resources.
 */
final class PodAutoscalerFix implements MechanicalFix {
  /**
   * A starting point, not a measured target: the utilization the rule's own advice uses; the HPA
   * compares it with each pod's CPU request (kubernetes.io, "Horizontal Pod Autoscaling": support
   * for resource metrics).
   */
  static final int CPU_UTILIZATION = 70;

  @Override
  public Set<String> rules() {
    return Set.of("REL-COMPUTE-FIXED", "REL-SCALING-NO-POLICY");
  }

  @Override
  public boolean edits(Resource r) {
    return KubernetesFixes.isWorkload(r);
  }

  @Override
  public FixOutcome apply(FixTarget t) throws YamlTemplate.NotEditable {
    ComputeGroup g = (ComputeGroup) t.subject;
    if (g.scalableTarget != null)
      return FixOutcome.left(
          "the autoscaler "
              + g.scalableTarget.name.orElse(g.scalableTarget.id)
              + " ("
              + KubernetesFixes.at(t, g.scalableTarget.location)
              + ") already targets it: give it a maxReplicas above its minReplicas and a metric"
              + " to scale on");
    if (!g.desired.present())
      return FixOutcome.left("its replica count is not known (" + g.desired.note() + ")");
    boolean helm = KubernetesFixes.helmTemplate(t, g.location.file());
    ChartAutoscaling own = helm ? ChartAutoscaling.find(t, g) : null;
    if (own != null) return switchedOn(t, g, own);
    int replicas = g.desired.get();
    int min = Math.max(2, replicas);
    List<FixOutcome.Edit> edits = new ArrayList<>();
    List<String> changes = new ArrayList<>();
    if (replicas < 2) {
      if (helm && !g.zoneSpread.isTrue())
        return FixOutcome.left(
            "raising it to 2 replicas needs a zone spread in its pod template, which is not"
                + " generated into a Helm template: add topologySpreadConstraints on"
                + " topology.kubernetes.io/zone to the pod spec in "
                + t.texts.relative(g.location.file())
                + ", then set its replicas to 2"
                + where(t, g));
      String why = raiseReplicas(t, g, min, edits, changes);
      if (why != null) return FixOutcome.left(why);
    }
    if (!helm && !g.zoneSpread.isTrue()) {
      FixOutcome.Edit spread = PodSpecs.zoneSpread(t, g);
      if (spread != null) {
        edits.add(spread);
        changes.add("its pods spread across zones (topologySpreadConstraints, ScheduleAnyway)");
      } else if (replicas < 2)
        return FixOutcome.left(
            "its pod spec takes no generated zone spread (flow style, or a spread on another key):"
                + " add topologySpreadConstraints on topology.kubernetes.io/zone, then set its"
                + " replicas to 2");
    }
    if (helm
        && (!KubernetesFixes.nameIndependentOfRelease(g)
            || KubernetesFixes.labelsIndependentOfRelease(g, true).isEmpty()))
      return FixOutcome.left(
          "its name in "
              + t.texts.relative(g.location.file())
              + " or its pod labels come from template expressions (the release name), which an"
              + " object appended"
              + " beside it cannot repeat: add a HorizontalPodAutoscaler and a"
              + " PodDisruptionBudget template using the chart's own name and label helpers");
    ObjectPlacement place = ObjectPlacement.of(t, g, helm);
    String hpa = free(g.name.orElse(g.id), takenNames(t, ScalableTarget.class));
    String pdb = budgetName(t, g);
    List<String> documents = new ArrayList<>(autoscaler(g, hpa, place.namespace(), min));
    if (pdb != null) {
      documents.add("---");
      documents.addAll(budget(g, pdb, place.namespace(), helm));
    }
    edits.addAll(place.edits(documents));
    if (g.desired.isExplicit())
      // kubernetes.io, "Horizontal Pod Autoscaling": migrating Deployments to autoscaling.
      changes.add(
          "each apply resets the count to the workload's replicas until the autoscaler acts"
              + " again: drop replicas from it once the autoscaler is live");
    String requests = PodSpecs.cpuRequestNote(t, g, helm, min);
    String what =
        "HorizontalPodAutoscaler "
            + hpa
            + " (autoscaling/v2, CPU "
            + CPU_UTILIZATION
            + "%, "
            + min
            + "–"
            + 2 * min
            + " replicas; the maximum is a starting point)"
            + (pdb == null ? "" : " and PodDisruptionBudget " + pdb + " (maxUnavailable 1)")
            + " added "
            + place.described(t);
    return FixOutcome.editedIn(fixed(g, what, changes, requests, min, 2 * min, pdb), edits);
  }

  /**
   * The chart's own autoscaler switched on in its values, and a budget when none covers the pods.
   */
  private static FixOutcome switchedOn(FixTarget t, ComputeGroup g, ChartAutoscaling own)
      throws YamlTemplate.NotEditable {
    List<FixOutcome.Edit> edits = new ArrayList<>(List.of(own.edit(t)));
    String pdb = budgetName(t, g);
    String what =
        "the chart's own autoscaler for it switched on: autoscaling.enabled false → true at "
            + KubernetesFixes.at(t, new Location(own.values(), own.enabledLine()))
            + " (minReplicas "
            + own.min()
            + ", maxReplicas "
            + own.max()
            + " of the block at "
            + own.block()
            + ")";
    if (pdb != null && KubernetesFixes.labelsIndependentOfRelease(g, true).isEmpty()) {
      what +=
          "; its pod labels come from template expressions, so add a PodDisruptionBudget template"
              + " using the chart's own label helpers";
      pdb = null;
    }
    if (pdb != null) {
      ObjectPlacement place = ObjectPlacement.of(t, g, true);
      edits.addAll(place.edits(budget(g, pdb, null, true)));
      what += "; PodDisruptionBudget " + pdb + " (maxUnavailable 1) added " + place.described(t);
    }
    String requests = PodSpecs.cpuRequestNote(t, g, true, own.min());
    return FixOutcome.editedIn(
        fixed(g, what, List.of(), requests, own.min(), own.max(), pdb), edits);
  }

  /**
   * A name for a new budget; null when a budget already selects the pods (judged, not replaced).
   */
  private static String budgetName(FixTarget t, ComputeGroup g) {
    return g.disruptionBudgets.isEmpty()
        ? free(g.name.orElse(g.id), takenNames(t, DisruptionBudget.class))
        : null;
  }

  /**
   * The literal that sets the replicas (the manifest's, the overlay patch's, Helm values') → min.
   */
  private static String raiseReplicas(
      FixTarget t, ComputeGroup g, int min, List<FixOutcome.Edit> edits, List<String> changes) {
    if (g.desired.trace().isEmpty()) return null; // unset: the autoscaler alone sets the count
    Location at = g.desired.trace().get(g.desired.trace().size() - 1);
    EditedFile f = t.file(at.file());
    String key = keyAt(f, at.line());
    if (key == null)
      return "its replicas are set by an expression"
          + where(t, g)
          + ": make the value that decides them 2 or more";
    edits.add(new FixOutcome.Edit(at.file(), KubernetesFixes.setLine(f, at.line(), key, "" + min)));
    changes.add(key + " " + g.desired.get() + " → " + min + " at " + KubernetesFixes.at(t, at));
    return null;
  }

  /** The key of the {@code key: number} line (replicas, replicaCount), or null. */
  private static String keyAt(EditedFile f, int line) {
    String text = KubernetesFixes.line(f, line);
    if (text == null) return null;
    String stripped = text.strip();
    int colon = stripped.indexOf(':');
    if (colon <= 0) return null;
    String key = stripped.substring(0, colon);
    String value = KubernetesFixes.literal(f, line, key);
    if (value == null) return null;
    try {
      Integer.parseInt(value);
      return key;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String where(FixTarget t, ComputeGroup g) {
    return g.desired.trace().isEmpty()
        ? ""
        : " ("
            + String.join(
                ", ", g.desired.trace().stream().map(l -> KubernetesFixes.at(t, l)).toList())
            + ")";
  }

  /**
   * autoscaling/v2 HorizontalPodAutoscaler: spec.scaleTargetRef (apiVersion, kind, name),
   * minReplicas, maxReplicas, metrics[].type Resource with resource.name cpu and target.type
   * Utilization / averageUtilization (kubernetes.io API reference, "HorizontalPodAutoscaler
   * autoscaling/v2"). maxReplicas twice the minimum is a starting point.
   */
  static List<String> autoscaler(ComputeGroup g, String name, String namespace, int min) {
    List<String> l = new ArrayList<>();
    l.add("# Added by relplan generate fixes. maxReplicas " + 2 * min + " is a starting point:");
    l.add("# set it to the replicas the peak load needs and the cluster can hold.");
    l.add("apiVersion: autoscaling/v2");
    l.add("kind: HorizontalPodAutoscaler");
    l.addAll(metadata(name, namespace));
    l.add("spec:");
    l.add("  scaleTargetRef:");
    l.add("    apiVersion: apps/v1");
    l.add("    kind: " + g.type);
    l.add("    name: " + g.name.orElse(g.id));
    l.add("  minReplicas: " + min);
    l.add("  maxReplicas: " + 2 * min);
    l.add("  metrics:");
    l.add("    - type: Resource");
    l.add("      resource:");
    l.add("        name: cpu");
    l.add("        target:");
    l.add("          type: Utilization");
    l.add("          averageUtilization: " + CPU_UTILIZATION);
    return l;
  }

  /**
   * policy/v1 PodDisruptionBudget with spec.maxUnavailable 1 and spec.selector.matchLabels
   * (kubernetes.io API reference, "PodDisruptionBudget policy/v1"; maxUnavailable and minAvailable
   * are mutually exclusive). The labels are the pod template's, which every pod of the workload
   * carries; one pod at a time may be evicted, so the budget never blocks a drain outright.
   */
  /**
   * A budget selecting the workload's pods; in a Helm chart by the labels that do not depend on the
   * release, so that it selects the pods whatever the release is called.
   */
  static List<String> budget(ComputeGroup g, String name, String namespace, boolean helm) {
    List<String> l = new ArrayList<>();
    l.add("apiVersion: policy/v1");
    l.add("kind: PodDisruptionBudget");
    l.addAll(metadata(name, namespace));
    l.add("spec:");
    l.add("  maxUnavailable: 1");
    l.add("  selector:");
    l.add("    matchLabels:");
    l.addAll(
        KubernetesFixes.labelLines(KubernetesFixes.labelsIndependentOfRelease(g, helm), "      "));
    return l;
  }

  private static List<String> metadata(String name, String namespace) {
    List<String> l = new ArrayList<>(List.of("metadata:", "  name: " + name));
    if (namespace != null) l.add("  namespace: " + namespace);
    return l;
  }

  /** Names the scan's autoscalers (or, for budgets, its disruption budgets) already take. */
  private static Set<String> takenNames(FixTarget t, Class<? extends Resource> kind) {
    Set<String> taken = new LinkedHashSet<>();
    for (Resource r : t.workload.all(kind)) taken.add(r.name.orElse(""));
    return taken;
  }

  private static String free(String wanted, Set<String> taken) {
    String name = wanted;
    for (int i = 2; taken.contains(name); i++) name = wanted + "-" + i;
    taken.add(name);
    return name;
  }

  private static String fixed(
      ComputeGroup g,
      String what,
      List<String> changes,
      String requests,
      int min,
      int max,
      String pdb) {
    StringBuilder s = new StringBuilder(what);
    for (String c : changes) s.append("; ").append(c);
    s.append(". ");
    if (!requests.isEmpty()) s.append(requests).append(' ');
    s.append("Cost: ");
    int added = min - g.desired.get();
    s.append(
        added <= 0
            ? "no more replicas at rest"
            : added == 1
                ? "a second replica (its CPU and memory requests again)"
                : added + " more replicas (each one's CPU and memory requests again)");
    s.append(", and up to ").append(max).append(" replicas' requests at peak load");
    if (pdb != null)
      s.append("; a node drain evicts its pods one at a time and waits while one is not ready");
    return s.append('.').toString();
  }
}

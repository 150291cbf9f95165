package dev.relplan.generate;

import dev.relplan.model.ComputeGroup;
import dev.relplan.model.Resource;
import dev.relplan.model.Volume;
import dev.relplan.parse.MapNode;
import dev.relplan.source.Location;
import java.util.List;
import java.util.Set;

/**
 * REL-DEPLOY-ALL-AT-ONCE on a Kubernetes Deployment whose strategy is {@code Recreate}: a rolling
 * update that starts one new pod before stopping an old one (maxUnavailable 0, maxSurge 1), in the
 * manifest or Helm template line that sets the type; a rolling update whose maxUnavailable covers
 * every replica gets maxUnavailable 0. Deployment spec.strategy.type is Recreate or RollingUpdate,
 * and rollingUpdate.maxUnavailable and maxSurge may not both be 0 (kubernetes.io, "Deployments":
 * strategy; API reference RollingUpdateDeployment).
 */
final class RollingUpdateFix implements MechanicalFix {
  @Override
  public Set<String> rules() {
    return Set.of("REL-DEPLOY-ALL-AT-ONCE");
  }

  @Override
  public boolean edits(Resource r) {
    return KubernetesFixes.isWorkload(r) && r.type.equals("Deployment");
  }

  @Override
  public FixOutcome apply(FixTarget t) throws YamlTemplate.NotEditable {
    ComputeGroup g = (ComputeGroup) t.subject;
    List<Location> trace = g.replacesAllAtOnce.trace();
    if (trace.isEmpty()) return FixOutcome.left("the line of its update strategy is not known");
    Location at = trace.get(0);
    EditedFile f = t.file(at.file());
    if (!"Recreate".equals(KubernetesFixes.literal(f, at.line(), "type")))
      return noneUnavailable(t, g, f, at);
    for (Volume v : t.workload.all(Volume.class))
      if (Volume.CLAIM.equals(v.type) && g.kubernetesName().equals(v.owner))
        return FixOutcome.left(
            "its pods mount PersistentVolumeClaim "
                + v.claimName
                + ": Recreate may be there because a ReadWriteOnce volume attaches to one node at a"
                + " time, so a rolling update is not generated");
    String indent = KubernetesFixes.indentOf(KubernetesFixes.line(f, at.line()));
    UnifiedDiff.Insertion rolling =
        new UnifiedDiff.Insertion(
            at.line() - 1,
            List.of(
                indent + "type: RollingUpdate",
                indent + "rollingUpdate:",
                indent + "  maxUnavailable: 0",
                indent + "  maxSurge: 1"),
            1);
    return FixOutcome.editedIn(
        "strategy Recreate → RollingUpdate with maxUnavailable 0 and maxSurge 1 at "
            + KubernetesFixes.at(t, at)
            + ": each release starts a new pod and stops an old one only once the new one is"
            + " ready. Cost: one extra pod's CPU and memory requests while a release rolls; old"
            + " and new versions serve side by side meanwhile, so the release must work with"
            + " both running (schema changes, singleton jobs).",
        List.of(new FixOutcome.Edit(at.file(), rolling)));
  }

  /**
   * A rolling update whose literal maxUnavailable covers every replica, lowered to 0: checked in
   * the workload's own manifest only, since maxUnavailable 0 is invalid with maxSurge 0.
   */
  private static FixOutcome noneUnavailable(FixTarget t, ComputeGroup g, EditedFile f, Location at)
      throws YamlTemplate.NotEditable {
    String unavailable = KubernetesFixes.literal(f, at.line(), "maxUnavailable");
    String lower =
        "its rolling update's maxUnavailable ("
            + KubernetesFixes.at(t, at)
            + ") covers every replica: lower it below the replica count";
    if (unavailable == null
        || !at.file().equals(g.location.file())
        || KubernetesFixes.helmTemplate(t, at.file())) return FixOutcome.left(lower);
    MapNode rolling =
        KubernetesFixes.map(
            KubernetesFixes.map(
                KubernetesFixes.map(KubernetesFixes.document(f, g), "spec"), "strategy"),
            "rollingUpdate");
    String surge = KubernetesFixes.text(rolling, "maxSurge");
    if ("0".equals(surge) || "0%".equals(surge))
      return FixOutcome.left(lower + " and maxSurge above 0 (both may not be 0)");
    return FixOutcome.editedIn(
        "maxUnavailable "
            + unavailable
            + " → 0 at "
            + KubernetesFixes.at(t, at)
            + ": each release stops an old pod only once a new one is ready. Cost: maxSurge ("
            + (surge == null ? "25%, the default" : surge)
            + ") extra pods' CPU and memory requests while a release rolls.",
        List.of(
            new FixOutcome.Edit(
                at.file(), KubernetesFixes.setLine(f, at.line(), "maxUnavailable", "0"))));
  }
}

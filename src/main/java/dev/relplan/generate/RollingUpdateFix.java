package dev.relplan.generate;

import dev.relplan.model.ComputeGroup;
import dev.relplan.model.Resource;
import dev.relplan.model.Volume;
import dev.relplan.source.Location;
import java.util.List;
import java.util.Set;

/**
 * REL-DEPLOY-ALL-AT-ONCE on a Kubernetes Deployment whose strategy is {@code Recreate}: a rolling
 * update that starts one new pod before stopping an old one (maxUnavailable 0, maxSurge 1), in the
 * manifest or Helm template line that sets the type. Deployment spec.strategy.type is Recreate or
 * RollingUpdate, and rollingUpdate.maxUnavailable and maxSurge may not both be 0 (kubernetes.io,
 * "Deployments": strategy; API reference RollingUpdateDeployment).
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
      return FixOutcome.left(
          "its rolling update's maxUnavailable ("
              + KubernetesFixes.at(t, at)
              + ") covers every replica: lower it below the replica count");
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
}

package dev.relplan.generate;

import dev.relplan.model.ComputeGroup;
import dev.relplan.model.Resource;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import java.util.List;
import java.util.Set;

/**
 * REL-LB-HEALTH-CHECK on a Kubernetes workload of a plain manifest whose one container declares one
 * containerPort: a tcpSocket readinessProbe on that port, the only check the manifest alone
 * supports honestly. Probe.tcpSocket.port takes a number or an IANA_SVC_NAME; periodSeconds
 * defaults to 10 and failureThreshold to 3 (Kubernetes API reference, core/v1 Probe; kubernetes.io,
 * "Configure Liveness, Readiness and Startup Probes": TCP probes).
 */
final class ReadinessProbeFix implements MechanicalFix {
  @Override
  public Set<String> rules() {
    return Set.of("REL-LB-HEALTH-CHECK");
  }

  @Override
  public boolean edits(Resource r) {
    return KubernetesFixes.isWorkload(r);
  }

  @Override
  public FixOutcome apply(FixTarget t) throws YamlTemplate.NotEditable {
    ComputeGroup g = (ComputeGroup) t.subject;
    String file = t.texts.relative(g.location.file());
    if (KubernetesFixes.helmTemplate(t, g.location.file()))
      return FixOutcome.left(
          "its containers come from a Helm template: add a readinessProbe (httpGet on the app's"
              + " readiness path) to the container in "
              + file
              + " or to the values it reads probes from");
    EditedFile f = t.file();
    MapNode pod = KubernetesFixes.podSpec(KubernetesFixes.document(f, g));
    List<Node> containers = KubernetesFixes.seq(pod, "containers");
    if (containers.size() != 1)
      return FixOutcome.left(
          containers.size() + " containers: add a readinessProbe to the one the Service routes to");
    MapNode container = (MapNode) containers.get(0);
    List<Node> ports = KubernetesFixes.seq(container, "ports");
    String port = ports.size() == 1 ? KubernetesFixes.text(ports.get(0), "containerPort") : null;
    if (port == null)
      return FixOutcome.left(
          "its container declares "
              + (ports.isEmpty() ? "no" : ports.size())
              + " containerPort: add a readinessProbe on the port the Service routes to");
    if (container.entries().size() < 2)
      return FixOutcome.left("its container has no second key to insert the probe before");
    UnifiedDiff.Insertion probe =
        KubernetesFixes.before(
            f,
            container.entries().get(1),
            List.of("readinessProbe:", "  tcpSocket:", "    port: " + port));
    if (probe == null) return FixOutcome.left("its container is written in flow style");
    String name = KubernetesFixes.text(container, "name");
    return FixOutcome.edited(
        "readinessProbe tcpSocket on port "
            + port
            + " added to container "
            + name
            + " in "
            + file
            + ": the Service routes to a pod only once it accepts connections there. A TCP check"
            + " only shows the port is open; an httpGet probe on the app's readiness path (one"
            + " that answers only when it can serve) is better: replace it once the app has one."
            + " Cost: none in money; a pod whose port stops accepting connections leaves the"
            + " Service's endpoints after 3 failed checks, 10 s apart.",
        probe);
  }
}

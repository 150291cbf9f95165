package dev.relplan.iac.kubernetes;

import dev.relplan.iac.common.ContainerImages;
import dev.relplan.model.ComputeGroup;
import dev.relplan.model.StatefulService;
import dev.relplan.model.Value;
import dev.relplan.model.Workload;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ScalarNode;
import dev.relplan.source.Location;
import java.util.List;

/**
 * A workload running a well-known database, broker or search engine image keeps state in its pods:
 * it is also a stateful service, replicated only when more than one replica runs and the image is
 * configured to replicate, which the manifest alone does not show.
 */
final class StatefulImages {
  /** The scope suffix that keeps the stateful service apart from the workload of the same id. */
  static final String SCOPE_SUFFIX = "/data";

  private StatefulImages() {}

  static void map(KubernetesObject o, ComputeGroup g, MapNode podSpec, String scope, Workload w) {
    if (g.replication != ComputeGroup.Replication.COUNT
        && g.replication != ComputeGroup.Replication.NONE) return;
    for (Node c : Fields.seq(podSpec, "containers")) {
      ScalarNode image = Fields.scalar(c, "image");
      String product = image == null ? null : ContainerImages.product(image.text());
      if (product == null) continue;
      StatefulService s =
          new StatefulService(scope + SCOPE_SUFFIX, o.id(), o.kind(), o.kindLocation());
      s.name = g.name;
      s.service = product;
      g.statefulProduct = product;
      s.replicated = replicated(g.desired, image, product);
      s.podLocalData = podLocalData(o, podSpec, image);
      s.topology =
          (g.desired.present() ? g.desired.get() + " replica(s)" : "replicas")
              + " of "
              + image.text();
      w.add(s);
      return;
    }
  }

  /** Volume sources whose data is deleted with the pod, or that hold no data of the pod's own. */
  private static final java.util.Set<String> POD_LIFETIME_SOURCES =
      java.util.Set.of("emptyDir", "configMap", "secret", "downwardAPI", "projected");

  /**
   * True when the pods mount no volume that outlives them: no claim template and only emptyDir,
   * configMap, secret, downwardAPI or projected volumes (cited at the emptyDir lines, else the
   * image); absent when some volume may persist.
   */
  static Value<Boolean> podLocalData(KubernetesObject o, MapNode podSpec, ScalarNode image) {
    if (!Fields.seq(o.node(), "spec", "volumeClaimTemplates").isEmpty()) return Value.absent();
    List<Location> emptyDirs = new java.util.ArrayList<>();
    for (Node volume : Fields.seq(podSpec, "volumes")) {
      if (!(volume instanceof MapNode m)) return Value.absent();
      for (MapNode.Entry e : m.entries()) {
        if (e.key().equals("name")) continue;
        if (!POD_LIFETIME_SOURCES.contains(e.key())) return Value.absent();
        if (e.key().equals("emptyDir")) emptyDirs.add(e.keyLocation());
      }
    }
    return Value.explicit(true, emptyDirs.isEmpty() ? List.of(image.location()) : emptyDirs);
  }

  /** One replica holds the only copy; several replicate only if the image is set up to. */
  private static Value<Boolean> replicated(
      Value<Integer> replicas, ScalarNode image, String product) {
    if (replicas.unresolved()) return replicas.map(n -> false);
    if (replicas.orElse(1) < 2) {
      List<Location> trace = replicas.isExplicit() ? replicas.trace() : List.of(image.location());
      return Value.explicit(false, trace);
    }
    return Value.unresolved(
        replicas.get()
            + " replicas of "
            + product
            + ": whether they replicate data depends on the image's configuration, not on the manifest",
        List.of(image.location()));
  }
}

package dev.relplan.iac.kubernetes;

import dev.relplan.model.ComputeGroup;
import dev.relplan.model.KubernetesBackup;
import dev.relplan.model.LabelSelector;
import dev.relplan.model.OperatorDatabase;
import dev.relplan.model.Resource;
import dev.relplan.model.Value;
import dev.relplan.model.Volume;
import dev.relplan.model.Workload;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ScalarNode;
import dev.relplan.parse.SeqNode;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;

/**
 * Persistent state and its backups: PersistentVolumeClaims (standalone, mounted by a pod template,
 * or a StatefulSet's claim templates) become volumes owned by the workload that mounts them; Velero
 * schedules, VolumeSnapshots and snapscheduler schedules become the backup evidence that covers
 * them.
 */
final class StorageMapper {
  private StorageMapper() {}

  /** A standalone PersistentVolumeClaim. */
  static boolean isClaim(KubernetesObject o) {
    return o.kind().equals(Volume.CLAIM) && o.group().isEmpty();
  }

  static void claim(KubernetesObject o, String scope, Workload w) {
    Volume v = claimVolume(scope, o.effectiveNamespace(), o.name(), o.kindLocation(), w);
    v.labels.putAll(Fields.labels(o.node(), "metadata", "labels"));
  }

  /** The claims a workload's pods mount: claim templates and claim volumes of the pod template. */
  static void claims(
      KubernetesObject o, ComputeGroup g, MapNode podSpec, String scope, Workload w) {
    if (o.kind().equals("StatefulSet")) {
      MapNode selector = Fields.map(o.node(), "spec", "selector");
      for (Node t : Fields.seq(o.node(), "spec", "volumeClaimTemplates")) {
        ScalarNode name = Fields.scalar(t, "metadata", "name");
        if (name == null) continue;
        // Each replica's claim is named <template>-<set>-<ordinal>.
        String prefix = name.text() + "-" + o.name();
        Volume v = claimVolume(scope, g.namespace, prefix, name.location(), w);
        v.perReplica = true;
        // The StatefulSet controller labels each claim with the template's labels and the set's
        // selector matchLabels (docs/kubernetes-defaults.md).
        v.labels.putAll(Fields.labels(t, "metadata", "labels"));
        v.labels.putAll(Fields.labels(selector, "matchLabels"));
        own(v, g);
      }
    }
    for (Node volume : Fields.seq(podSpec, "volumes")) {
      ScalarNode claim = Fields.scalar(volume, "persistentVolumeClaim", "claimName");
      if (claim == null) continue;
      own(claimVolume(scope, g.namespace, claim.text(), claim.location(), w), g);
    }
  }

  private static void own(Volume v, ComputeGroup g) {
    if (v.owner == null) v.owner = g.kubernetesName();
    v.podLabels.putAll(g.podLabels);
  }

  /** The claim's volume, added at {@code at} unless a claim of that name is already known. */
  private static Volume claimVolume(
      String scope, String namespace, String name, Location at, Workload w) {
    String id = KubernetesObjects.id(Volume.CLAIM, namespace, name);
    Resource known = w.get(scope + "#" + id);
    if (known instanceof Volume v) return v;
    Volume v = new Volume(scope, id, Volume.CLAIM, at);
    v.namespace = namespace;
    v.claimName = name;
    v.name = Value.explicit(name, List.of(at));
    w.add(v);
    return v;
  }

  /** Maps a backup object and returns true, or returns false for any other kind. */
  static boolean backup(KubernetesObject o, String scope, Workload w) {
    KubernetesBackup b;
    if (o.kind().equals("Schedule") && o.group().equals("velero.io")) {
      b = velero(o, scope);
    } else if (o.kind().equals("VolumeSnapshot") && o.group().equals("snapshot.storage.k8s.io")) {
      b = newBackup(o, scope, KubernetesBackup.Mechanism.VOLUME_SNAPSHOT);
      ScalarNode claim = Fields.scalar(o.node(), "spec", "source", "persistentVolumeClaimName");
      if (claim == null) {
        b.inactive = "it snapshots an existing VolumeSnapshotContent, not a claim";
      } else {
        b.claimName = claim.text();
        b.decidingLine = claim.location();
      }
    } else if (o.kind().equals("SnapshotSchedule") && o.group().equals("snapscheduler.backube")) {
      b = newBackup(o, scope, KubernetesBackup.Mechanism.SNAPSHOT_SCHEDULE);
      MapNode spec = Fields.map(o.node(), "spec");
      b.selector = selector(Fields.map(spec, "claimSelector"), b);
      if ("true".equals(Fields.text(spec, "disabled"))) b.inactive = "spec.disabled is true";
      ScalarNode schedule = Fields.scalar(spec, "schedule");
      if (schedule != null) {
        b.decidingLine = schedule.location();
        b.schedule = schedule.text();
      }
    } else if (o.kind().equals("ScheduledBackup") && o.group().equals("postgresql.cnpg.io")) {
      b = newBackup(o, scope, KubernetesBackup.Mechanism.CNPG_SCHEDULED_BACKUP);
      ScalarNode cluster = Fields.scalar(o.node(), "spec", "cluster", "name");
      if (cluster != null) {
        b.claimName = cluster.text();
        b.decidingLine = cluster.location();
      }
      if ("true".equals(Fields.text(o.node(), "spec", "suspend")))
        b.inactive = "spec.suspend is true";
    } else {
      return operatorDatabase(o, scope, w);
    }
    w.add(b);
    return true;
  }

  /**
   * A CloudNativePG {@code Cluster}, Zalando {@code postgresql} or Crunchy {@code PostgresCluster}:
   * backed up when it configures the operator's backups (CloudNativePG {@code spec.backup}, Zalando
   * {@code spec.enableLogicalBackup: true}, Crunchy {@code spec.backups}).
   */
  private static boolean operatorDatabase(KubernetesObject o, String scope, Workload w) {
    String operator;
    String field;
    if (o.kind().equals("Cluster") && o.group().equals("postgresql.cnpg.io")) {
      operator = "CloudNativePG";
      field = "backup";
    } else if (o.kind().equals("postgresql") && o.group().equals("acid.zalan.do")) {
      operator = "Zalando Postgres Operator";
      field = "enableLogicalBackup";
    } else if (o.kind().equals("PostgresCluster")
        && o.group().equals("postgres-operator.crunchydata.com")) {
      operator = "Crunchy Postgres";
      field = "backups";
    } else {
      return false;
    }
    OperatorDatabase d = new OperatorDatabase(scope, o.id(), o.kind(), o.kindLocation());
    d.operator = operator;
    d.namespace = o.effectiveNamespace();
    d.name = Value.explicit(o.name(), List.of(o.nameLocation()));
    MapNode spec = Fields.map(o.node(), "spec");
    Node setting = Fields.at(spec, field);
    MapNode.Entry entry = spec == null ? null : spec.entry(field);
    if (setting == null || setting instanceof ScalarNode s && s.isNull()) {
      d.backup = Value.defaulted(false, "no spec." + field + ": " + operator + " takes no backups");
    } else if (setting instanceof ScalarNode s) {
      d.backup =
          "true".equals(s.text())
              ? Value.explicit(true, List.of(s.location()))
              : "false".equals(s.text())
                  ? Value.explicit(false, List.of(s.location()))
                  : Value.unresolved(
                      "spec." + field + " is '" + s.text() + "'", List.of(s.location()));
    } else {
      d.backup = Value.explicit(true, List.of(entry.keyLocation()));
    }
    w.add(d);
    return true;
  }

  private static KubernetesBackup velero(KubernetesObject o, String scope) {
    KubernetesBackup b = newBackup(o, scope, KubernetesBackup.Mechanism.VELERO_SCHEDULE);
    MapNode spec = Fields.map(o.node(), "spec");
    MapNode template = Fields.map(spec, "template");
    ScalarNode schedule = Fields.scalar(spec, "schedule");
    if (schedule != null) {
      b.decidingLine = schedule.location();
      b.schedule = schedule.text();
    }
    String ttl = Fields.text(template, "ttl");
    // Velero keeps a backup 720h (30 days) unless the template's ttl says otherwise.
    b.retention = ttl == null ? "30 days (Velero default ttl 720h)" : "ttl " + ttl;
    if ("true".equals(Fields.text(spec, "paused"))) b.inactive = "spec.paused is true";
    List<String> included = names(Fields.at(template, "includedNamespaces"), b);
    // No includedNamespaces, or "*", backs up every namespace (Velero's default).
    b.includedNamespaces = included == null || included.contains("*") ? null : included;
    List<String> excluded = names(Fields.at(template, "excludedNamespaces"), b);
    b.excludedNamespaces = excluded == null ? List.of() : excluded;
    b.selector = selector(Fields.map(template, "labelSelector"), b);
    if (Fields.at(template, "orLabelSelectors") != null && b.undetermined == null)
      b.undetermined = "orLabelSelectors are not evaluated";
    // snapshotVolumes: false with no file-system backup keeps only the claim objects, not data.
    if ("false".equals(Fields.text(template, "snapshotVolumes"))
        && !"true".equals(Fields.text(template, "defaultVolumesToFsBackup"))
        && b.inactive == null)
      b.inactive = "snapshotVolumes is false and defaultVolumesToFsBackup is not true";
    return b;
  }

  private static KubernetesBackup newBackup(
      KubernetesObject o, String scope, KubernetesBackup.Mechanism mechanism) {
    KubernetesBackup b = new KubernetesBackup(scope, o.id(), o.kind(), o.kindLocation());
    b.mechanism = mechanism;
    b.namespace = o.effectiveNamespace();
    b.name = Value.explicit(o.name(), List.of(o.nameLocation()));
    b.decidingLine = o.kindLocation();
    return b;
  }

  /** A list of names; null when absent; unresolved items make the backup undetermined. */
  private static List<String> names(Node list, KubernetesBackup b) {
    if (list == null || list instanceof ScalarNode s && s.isNull()) return null;
    List<String> out = new ArrayList<>();
    if (!(list instanceof SeqNode seq)) {
      b.undetermined = "a namespace list is not a list";
      return null;
    }
    for (Node item : seq.items()) {
      if (item instanceof ScalarNode s && !s.isNull()) out.add(s.text());
      else b.undetermined = "a namespace list holds an entry that is not a name";
    }
    return out;
  }

  private static LabelSelector selector(MapNode node, KubernetesBackup b) {
    if (node == null) return null;
    LabelSelector s = ServiceMapper.selector(node);
    for (LabelSelector.Requirement r : s.matchExpressions())
      if (r.operator() == LabelSelector.Operator.INVALID)
        b.undetermined = "a label selector expression has an unknown operator";
    return s;
  }
}

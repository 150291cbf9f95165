package dev.relplan.iac.kubernetes.kustomize;

import java.util.List;
import java.util.Set;

/**
 * Where kustomize writes a field in the kinds it knows (its built-in field specifications): the
 * path of map keys ("[]" for each item of a list), the kinds it applies to (empty: every kind), and
 * whether missing maps on the way are created.
 */
record FieldSpec(Set<String> kinds, List<String> path, boolean create) {
  static final Set<String> POD_TEMPLATE_KINDS =
      Set.of(
          "Deployment", "ReplicaSet", "DaemonSet", "StatefulSet", "Job", "ReplicationController");

  static final Set<String> SELECTOR_KINDS =
      Set.of("Deployment", "ReplicaSet", "DaemonSet", "StatefulSet");

  static FieldSpec of(Set<String> kinds, String path, boolean create) {
    return new FieldSpec(kinds, List.of(path.split("/")), create);
  }

  boolean appliesTo(String kind) {
    return kinds.isEmpty() || kinds.contains(kind);
  }

  /** Labels on every object's metadata. */
  static final List<FieldSpec> METADATA_LABELS = List.of(of(Set.of(), "metadata/labels", true));

  /** Labels on pod templates: what {@code labels.includeTemplates} adds. */
  static final List<FieldSpec> TEMPLATE_LABELS =
      List.of(
          of(POD_TEMPLATE_KINDS, "spec/template/metadata/labels", true),
          of(Set.of("CronJob"), "spec/jobTemplate/metadata/labels", true),
          of(Set.of("CronJob"), "spec/jobTemplate/spec/template/metadata/labels", true),
          of(Set.of("StatefulSet"), "spec/volumeClaimTemplates/[]/metadata/labels", true));

  /** Label selectors: what {@code commonLabels} and {@code labels.includeSelectors} add. */
  static final List<FieldSpec> SELECTORS =
      List.of(
          of(Set.of("Service"), "spec/selector", false),
          of(Set.of("ReplicationController"), "spec/selector", true),
          of(SELECTOR_KINDS, "spec/selector/matchLabels", true),
          of(Set.of("Job"), "spec/selector/matchLabels", false),
          of(Set.of("CronJob"), "spec/jobTemplate/spec/selector/matchLabels", false),
          of(Set.of("PodDisruptionBudget"), "spec/selector/matchLabels", false),
          of(Set.of("NetworkPolicy"), "spec/podSelector/matchLabels", false));

  static final List<FieldSpec> ANNOTATIONS =
      List.of(
          of(Set.of(), "metadata/annotations", true),
          of(POD_TEMPLATE_KINDS, "spec/template/metadata/annotations", true),
          of(Set.of("CronJob"), "spec/jobTemplate/spec/template/metadata/annotations", true));

  /** {@code replicas} entries set spec.replicas of these kinds. */
  static final Set<String> REPLICA_KINDS =
      Set.of("Deployment", "ReplicaSet", "ReplicationController", "StatefulSet");

  /** Kinds {@code namePrefix}/{@code nameSuffix} leave unchanged, as kustomize does. */
  static final Set<String> NOT_RENAMED =
      Set.of("Namespace", "CustomResourceDefinition", "APIService");

  /** Cluster-scoped kinds, which {@code namespace} leaves without a namespace. */
  static final Set<String> CLUSTER_SCOPED =
      Set.of(
          "Namespace",
          "ClusterRole",
          "ClusterRoleBinding",
          "CustomResourceDefinition",
          "PersistentVolume",
          "StorageClass",
          "PriorityClass",
          "IngressClass",
          "ValidatingWebhookConfiguration",
          "MutatingWebhookConfiguration",
          "APIService",
          "CSIDriver",
          "VolumeSnapshotClass",
          "Node");
}

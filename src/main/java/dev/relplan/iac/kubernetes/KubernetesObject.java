package dev.relplan.iac.kubernetes;

import dev.relplan.parse.MapNode;
import dev.relplan.source.Location;

/**
 * One whole Kubernetes object of a manifest: its identity and its located tree.
 *
 * @param namespace the namespace written in {@code metadata.namespace}, or null when the object
 *     goes to the namespace of the context it is applied in
 * @param kindLocation the {@code kind:} line, where the object's evidence starts
 */
public record KubernetesObject(
    String apiVersion,
    String kind,
    String name,
    String namespace,
    MapNode node,
    Location kindLocation,
    Location nameLocation) {

  /**
   * The namespace the object lives in. An object without one is applied to the namespace of the
   * kubectl context, {@code default} unless the context names another; objects written together
   * without namespaces are read as sharing it.
   */
  public String effectiveNamespace() {
    return namespace == null ? KubernetesObjects.DEFAULT_NAMESPACE : namespace;
  }

  /** The model id: {@code Deployment/shop/cart}, or {@code Deployment/cart} in the default one. */
  public String id() {
    return KubernetesObjects.id(kind, effectiveNamespace(), name);
  }

  /** The API group without its version: {@code apps}, {@code argoproj.io}, "" for the core. */
  public String group() {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }
}

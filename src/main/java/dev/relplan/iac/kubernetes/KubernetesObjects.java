package dev.relplan.iac.kubernetes;

import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ScalarNode;
import dev.relplan.parse.SeqNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the whole Kubernetes objects in parsed documents: a document is an object when it names
 * {@code apiVersion}, {@code kind} and {@code metadata.name}; the items of a {@code List} kind
 * ({@code List}, {@code DeploymentList}, …) are objects of their own.
 */
public final class KubernetesObjects {
  static final String DEFAULT_NAMESPACE = "default";

  private KubernetesObjects() {}

  /** Whether the document looks like a Kubernetes manifest (a whole object or a List of them). */
  public static boolean isManifest(Node document) {
    return document instanceof MapNode m
        && Fields.text(m, "apiVersion") != null
        && Fields.text(m, "kind") != null
        && (m.get("metadata") instanceof MapNode || isList(m));
  }

  /** The whole objects of the documents, in order; partial documents are left out. */
  public static List<KubernetesObject> of(List<Node> documents) {
    List<KubernetesObject> out = new ArrayList<>();
    for (Node d : documents) {
      if (!(d instanceof MapNode m)) continue;
      if (isList(m)) {
        // Lists do not nest in the Kubernetes API: their items are objects.
        for (Node item : ((SeqNode) m.get("items")).items())
          if (item instanceof MapNode im) object(im).ifPresent(out::add);
      } else {
        object(m).ifPresent(out::add);
      }
    }
    return out;
  }

  /** How many documents were manifests but not whole objects (no kind or no metadata.name). */
  public static int partial(List<Node> documents) {
    int n = 0;
    for (Node d : documents)
      if (d instanceof MapNode m && !isList(m) && object(m).isEmpty() && m.has("apiVersion")) n++;
    return n;
  }

  private static boolean isList(MapNode m) {
    String kind = Fields.text(m, "kind");
    return kind != null && kind.endsWith("List") && m.get("items") instanceof SeqNode;
  }

  private static Optional<KubernetesObject> object(MapNode m) {
    String apiVersion = Fields.text(m, "apiVersion");
    String kind = Fields.text(m, "kind");
    ScalarNode name = Fields.scalar(m, "metadata", "name");
    if (apiVersion == null || kind == null || name == null || name.text() == null)
      return Optional.empty();
    return Optional.of(
        new KubernetesObject(
            apiVersion,
            kind,
            name.text(),
            Fields.text(m, "metadata", "namespace"),
            m,
            m.entry("kind").keyLocation(),
            name.location()));
  }

  /** The model id of an object of this kind, namespace and name. */
  static String id(String kind, String namespace, String name) {
    return DEFAULT_NAMESPACE.equals(namespace)
        ? kind + "/" + name
        : kind + "/" + namespace + "/" + name;
  }
}

package dev.relplan.generate;

import dev.relplan.model.ComputeGroup;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ParseException;
import dev.relplan.parse.SeqNode;
import dev.relplan.parse.YamlLoader;
import dev.relplan.source.Location;
import java.util.List;

/**
 * Where new Kubernetes objects for a workload go: appended to its own manifest (a plain manifest, a
 * Kustomize resource, a Helm template — objects written without template expressions), or, when a
 * Kustomize overlay's patch decides its replicas, a new file in that overlay, which takes effect
 * only once the overlay's kustomization lists it in {@code resources}.
 *
 * @param file the scanned file the objects go into
 * @param kustomization the overlay's kustomization listing a new file, or null
 * @param namespace the namespace to write (the workload document's own), or null
 */
record ObjectPlacement(FixTarget target, String file, String kustomization, String namespace) {
  private static final List<String> KUSTOMIZATIONS =
      List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

  static ObjectPlacement of(FixTarget t, ComputeGroup g, boolean helm)
      throws YamlTemplate.NotEditable {
    if (!helm && !g.desired.trace().isEmpty()) {
      Location decided = g.desired.trace().get(g.desired.trace().size() - 1);
      String dir = folder(decided.file());
      if (!decided.file().equals(g.location.file())) {
        for (String k : KUSTOMIZATIONS)
          if (t.texts.text(dir + k) != null)
            return new ObjectPlacement(
                t, newFile(t, dir, g.name.orElse("workload")), dir + k, null);
        // Objects beside the base would reach every overlay, not only the one setting the count.
        throw new YamlTemplate.NotEditable(
            "its replicas are set in "
                + KubernetesFixes.at(t, decided)
                + ", a folder without a kustomization: add the autoscaler to the overlay that"
                + " sets them");
      }
    }
    String namespace =
        helm
            ? null
            : KubernetesFixes.text(
                KubernetesFixes.map(KubernetesFixes.document(t.file(), g), "metadata"),
                "namespace");
    return new ObjectPlacement(t, g.location.file(), null, namespace);
  }

  /** The edits that put the documents in place. */
  List<FixOutcome.Edit> edits(List<String> documents) throws YamlTemplate.NotEditable {
    if (kustomization == null)
      return List.of(
          new FixOutcome.Edit(file, KubernetesFixes.appended(target.file(file), documents)));
    return List.of(
        new FixOutcome.Edit(file, new UnifiedDiff.Insertion(0, documents)),
        new FixOutcome.Edit(kustomization, listed()));
  }

  /** Where the objects went, for the README's line. */
  String described(FixTarget t) {
    return kustomization == null
        ? "at the end of " + t.texts.relative(file)
        : "in the new file "
            + t.texts.relative(file)
            + ", listed in the resources of "
            + t.texts.relative(kustomization);
  }

  /** The new file's name as the overlay's resources list it, after its last entry. */
  private UnifiedDiff.Insertion listed() throws YamlTemplate.NotEditable {
    EditedFile k = target.file(kustomization);
    String name = file.substring(folder(file).length());
    MapNode root;
    try {
      List<Node> docs = YamlLoader.loadAll(k.file, k.text);
      if (docs.size() != 1 || !(docs.get(0) instanceof MapNode m))
        throw new YamlTemplate.NotEditable("its kustomization is not one YAML mapping");
      root = m;
    } catch (ParseException e) {
      throw new YamlTemplate.NotEditable(e.getMessage());
    }
    List<String> lines = KubernetesFixes.lines(k);
    if (!root.has("resources"))
      return new UnifiedDiff.Insertion(lines.size(), List.of("resources:", "  - " + name));
    if (!(root.get("resources") instanceof SeqNode s) || s.items().isEmpty())
      throw new YamlTemplate.NotEditable("its kustomization's resources is not a list of files");
    int last = s.items().get(s.items().size() - 1).location().line();
    if (last == root.entry("resources").keyLocation().line())
      throw new YamlTemplate.NotEditable("its kustomization's resources list is in flow style");
    String item = lines.get(last - 1);
    String indent = KubernetesFixes.indentOf(item);
    if (!item.substring(indent.length()).startsWith("- "))
      throw new YamlTemplate.NotEditable("its kustomization's resources list is not one per line");
    return new UnifiedDiff.Insertion(last, List.of(indent + "- " + name));
  }

  /** A file name of the overlay not yet taken. */
  private static String newFile(FixTarget t, String dir, String workload) {
    String name = dir + workload + "-availability.yaml";
    for (int i = 2; t.texts.text(name) != null; i++)
      name = dir + workload + "-availability-" + i + ".yaml";
    return name;
  }

  private static String folder(String file) {
    return file.substring(0, file.lastIndexOf('/') + 1);
  }
}

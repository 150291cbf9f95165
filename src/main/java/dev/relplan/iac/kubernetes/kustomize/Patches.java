package dev.relplan.iac.kubernetes.kustomize;

import dev.relplan.discover.SourceFile;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ParseException;
import dev.relplan.parse.ScalarNode;
import dev.relplan.parse.SeqNode;
import dev.relplan.parse.YamlLoader;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a kustomization's patches (from files or inline text, located at the lines they were
 * written on) and applies them: strategic merge patches to the object they name or to their {@code
 * target}, JSON 6902 patches to their {@code target}.
 */
final class Patches {
  /** One patch entry: its documents, its target (null: the patch names its object), and where. */
  record Patch(List<Node> documents, Target target, Builder.Line where) {}

  /** The fields that say which object a patch is for; a patch never changes them. */
  private static final List<List<String>> IDENTITY =
      List.of(
          List.of("apiVersion"),
          List.of("kind"),
          List.of("metadata", "name"),
          List.of("metadata", "namespace"));

  private Patches() {}

  /** The documents of a patch given as the text of a kustomization field, at their own lines. */
  static List<Node> inline(Kustomization k, ScalarNode text) {
    int line = text.location().line();
    String written = k.file().line(line);
    int comment = written.indexOf(" #");
    if (comment >= 0) written = written.substring(0, comment).strip();
    String[] tokens = written.split(" ");
    String last = tokens[tokens.length - 1];
    // A block scalar (| or >) starts on the line after its indicator; a quoted one on its own line.
    int offset = last.startsWith("|") || last.startsWith(">") ? line : line - 1;
    try {
      List<Node> docs = new ArrayList<>();
      for (Node doc : YamlLoader.loadAll(k.display(), text.text()))
        if (doc != null) docs.add(Trees.relocate(doc, k.display(), offset));
      return docs;
    } catch (ParseException e) {
      throw new PatchException("inline patch is not valid YAML: " + e.getMessage());
    }
  }

  static List<Node> fromFile(ScannedFiles files, SourceFile file) {
    try {
      return files.documents(file);
    } catch (RenderException e) {
      throw new PatchException(e.getMessage());
    }
  }

  /** Applies one patch to the objects, all or nothing; a {@link PatchException} says why not. */
  static void apply(
      Patch patch, List<RenderedObject> objects, Map<String, List<RenderedObject>> byName) {
    for (Node doc : patch.documents()) {
      Map<RenderedObject, MapNode> results = new IdentityHashMap<>();
      if (JsonPatch.isJsonPatch(doc)) {
        if (patch.target() == null) throw new PatchException("JSON patch without a target");
        for (RenderedObject o : select(patch.target(), objects))
          results.put(o, JsonPatch.apply(o.node(), (SeqNode) doc));
      } else if (doc instanceof MapNode smp) {
        List<RenderedObject> matched =
            patch.target() == null ? named(smp, byName) : select(patch.target(), objects);
        if (matched.isEmpty() && patch.target() == null)
          throw new PatchException(
              "names no object of this kustomization ("
                  + Trees.text(smp, "kind")
                  + " "
                  + Trees.text(Trees.map(smp, "metadata"), "name")
                  + "); kustomize build fails here");
        MapNode body = withoutIdentity(smp);
        for (RenderedObject o : matched) results.put(o, StrategicMerge.apply(o.node(), body));
      } else {
        throw new PatchException("neither a strategic merge patch nor a JSON patch");
      }
      commit(results, objects);
    }
  }

  private static void commit(Map<RenderedObject, MapNode> results, List<RenderedObject> objects) {
    for (Map.Entry<RenderedObject, MapNode> r : results.entrySet()) {
      if (r.getValue() == null) {
        objects.remove(r.getKey());
        r.getKey().remove();
      } else r.getKey().replace(r.getValue());
    }
  }

  static List<RenderedObject> select(Target target, List<RenderedObject> objects) {
    List<RenderedObject> matched = new ArrayList<>();
    for (RenderedObject o : objects) if (target.matches(o)) matched.add(o);
    return matched;
  }

  /**
   * The objects a target-less strategic merge patch is for: its kind, a name they had, namespace.
   */
  private static List<RenderedObject> named(
      MapNode patch, Map<String, List<RenderedObject>> byName) {
    String kind = Trees.text(patch, "kind");
    String name = Trees.text(Trees.map(patch, "metadata"), "name");
    String namespace = Trees.text(Trees.map(patch, "metadata"), "namespace");
    List<RenderedObject> matched = new ArrayList<>();
    for (RenderedObject o : byName.getOrDefault(name == null ? "" : name, List.of()))
      if (!o.removed()
          && Objects.equals(o.kind(), kind)
          && (namespace == null || namespace.equals(o.namespace()))) matched.add(o);
    return matched;
  }

  private static MapNode withoutIdentity(MapNode patch) {
    MapNode body = patch;
    for (List<String> field : IDENTITY) {
      if (field.size() == 1) {
        body = Trees.remove(body, field.get(0));
      } else if (Trees.map(body, field.get(0)) != null) {
        MapNode inner = Trees.map(body, field.get(0));
        body =
            Trees.put(
                body,
                field.get(0),
                body.entry(field.get(0)).keyLocation(),
                Trees.remove(inner, field.get(1)));
      }
    }
    return body;
  }
}

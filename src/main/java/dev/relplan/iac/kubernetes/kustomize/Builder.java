package dev.relplan.iac.kubernetes.kustomize;

import dev.relplan.discover.SourceFile;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ScalarNode;
import dev.relplan.parse.SeqNode;
import dev.relplan.source.FileGuard;
import dev.relplan.source.SkippedFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders one root: its resources, bases and components recursively, then each kustomization's own
 * fields in kustomize's order (strategic merge patches, patches, namespace, prefix and suffix,
 * labels, annotations, JSON 6902 patches, replicas, images), then the name references.
 */
final class Builder {
  private final ScannedFiles files;
  private final Kustomize.Bounds bounds;
  private final List<String> notes = new ArrayList<>();
  private final List<SkippedFile> skipped = new ArrayList<>();
  private final Set<String> read = new LinkedHashSet<>();

  Builder(ScannedFiles files, Kustomize.Bounds bounds) {
    this.files = files;
    this.bounds = bounds;
  }

  List<String> notes() {
    return notes;
  }

  List<SkippedFile> skipped() {
    return skipped;
  }

  /** Display paths of every file the root read: kustomizations, resources, patches. */
  Set<String> filesRead() {
    return read;
  }

  /** The objects of the kustomization in {@code dir}, added to {@code inherited}. */
  List<RenderedObject> build(Path dir, List<RenderedObject> inherited, List<Path> chain) {
    FileGuard.checkTime();
    if (chain.contains(dir)) throw new RenderException("resource cycle: " + cycle(chain, dir));
    if (chain.size() >= bounds.maxDepth())
      throw new RenderException("kustomizations nested deeper than " + bounds.maxDepth());
    List<Path> inner = new ArrayList<>(chain);
    inner.add(dir);
    Kustomization k = files.kustomization(dir);
    read.add(k.display());
    unrendered(k);
    List<RenderedObject> objects = new ArrayList<>();
    Map<String, RenderedObject> ids = new HashMap<>();
    for (RenderedObject o : inherited) add(o, objects, ids);
    for (ScalarNode entry : k.resources()) addResource(k, entry, objects, ids, inner);
    for (ScalarNode entry : k.components()) {
      Path component = ScannedFiles.resolve(dir, entry.text());
      if (Kustomization.isRemote(entry.text()) || !files.isKustomizationDir(component))
        notAssessed(k, entry, "component " + entry.text());
      else objects = build(component, objects, inner);
    }
    transform(k, objects);
    return objects;
  }

  private void addResource(
      Kustomization k,
      ScalarNode entry,
      List<RenderedObject> objects,
      Map<String, RenderedObject> ids,
      List<Path> chain) {
    String name = entry.text();
    if (Kustomization.isRemote(name)) {
      notAssessed(k, entry, "remote resource " + name + " is not fetched");
      return;
    }
    Path path = ScannedFiles.resolve(k.dir(), name);
    SourceFile file = files.file(path);
    if (file != null) {
      read.add(file.display());
      for (Node doc : files.documents(file)) addObjects(doc, objects, ids);
    } else if (files.isKustomizationDir(path)) {
      List<RenderedObject> rendered = build(path, List.of(), chain);
      for (RenderedObject o : rendered) add(o, objects, ids);
    } else if (files.skippedReason(k.file(), name) != null) {
      notAssessed(
          k,
          entry,
          "resource " + name + " was not read (" + files.skippedReason(k.file(), name) + ")");
    } else if (files.isFolder(path)) {
      notAssessed(k, entry, "resource " + name + " is a folder without a kustomization");
    } else {
      notAssessed(k, entry, "resource " + name + " is not among the scanned files");
    }
  }

  /** An object, or the items of a {@code List} kind. */
  private void addObjects(Node doc, List<RenderedObject> objects, Map<String, RenderedObject> ids) {
    if (!RenderedObject.isObject(doc)) return;
    SeqNode items = Trees.seq(doc, "items");
    if (Trees.text(doc, "kind").endsWith("List") && items != null) {
      for (Node item : items.items())
        if (RenderedObject.isObject(item)) addObjects(item, objects, ids);
      return;
    }
    add(new RenderedObject((MapNode) doc), objects, ids);
  }

  /** Adds an object; one already there with its id fails the build, as in kustomize. */
  private void add(
      RenderedObject o, List<RenderedObject> objects, Map<String, RenderedObject> ids) {
    RenderedObject known = ids.putIfAbsent(o.id(), o);
    if (known != null)
      throw new RenderException(
          o.id()
              + " is declared twice ("
              + o.node().location()
              + ", "
              + known.node().location()
              + "); kustomize build fails");
    if (objects.size() >= bounds.maxObjects())
      throw new RenderException("more than " + bounds.maxObjects() + " objects");
    objects.add(o);
  }

  private void transform(Kustomization k, List<RenderedObject> objects) {
    Map<RenderedObject, String> before = new IdentityHashMap<>();
    for (RenderedObject o : objects) before.put(o, o.name());
    List<Patches.Patch> smp = strategicMergePatches(k);
    List<Patches.Patch> patches = patches(k);
    List<Patches.Patch> json = json6902Patches(k);
    if (smp.size() + patches.size() + json.size() > bounds.maxPatches())
      throw new RenderException(k.display() + " has more than " + bounds.maxPatches() + " patches");
    applyAll(smp, objects);
    applyAll(patches, objects);
    Transformers.namespace(objects, scalar(k, "namespace"));
    Transformers.rename(objects, scalar(k, "namePrefix"), scalar(k, "nameSuffix"));
    labels(k, objects);
    Transformers.pairs(objects, Trees.map(k.node(), "commonAnnotations"), FieldSpec.ANNOTATIONS);
    applyAll(json, objects);
    Transformers.replicas(objects, k.items("replicas"));
    Transformers.images(objects, k.items("images"));
    NameReferences.fix(objects, renamed(before, objects));
  }

  private void labels(Kustomization k, List<RenderedObject> objects) {
    MapNode common = Trees.map(k.node(), "commonLabels");
    Transformers.pairs(objects, common, FieldSpec.METADATA_LABELS);
    Transformers.pairs(objects, common, FieldSpec.TEMPLATE_LABELS);
    Transformers.pairs(objects, common, FieldSpec.SELECTORS);
    for (Node entry : k.items("labels")) {
      MapNode pairs = Trees.map(entry, "pairs");
      boolean selectors = "true".equals(Trees.text(entry, "includeSelectors"));
      boolean templates = selectors || "true".equals(Trees.text(entry, "includeTemplates"));
      Transformers.pairs(objects, pairs, FieldSpec.METADATA_LABELS);
      if (templates) Transformers.pairs(objects, pairs, FieldSpec.TEMPLATE_LABELS);
      if (selectors) Transformers.pairs(objects, pairs, FieldSpec.SELECTORS);
    }
  }

  /** "kind/old name" → the new name, for every object this kustomization renamed. */
  private static Map<String, ScalarNode> renamed(
      Map<RenderedObject, String> before, List<RenderedObject> objects) {
    Map<String, ScalarNode> renamed = new LinkedHashMap<>();
    for (RenderedObject o : objects) {
      String old = before.get(o);
      Node now = Trees.at(o.node(), List.of("metadata", "name"));
      if (old != null && now instanceof ScalarNode s && !old.equals(s.text()))
        renamed.put(o.kind() + "/" + old, s);
    }
    return renamed;
  }

  private void applyAll(List<Patches.Patch> patches, List<RenderedObject> objects) {
    if (patches.isEmpty()) return;
    // Patches never rename (identity fields are left alone), so one index serves them all.
    Map<String, List<RenderedObject>> byName = RenderedObject.byName(objects);
    for (Patches.Patch p : patches) {
      FileGuard.checkTime();
      try {
        Patches.apply(p, objects, byName);
      } catch (PatchException e) {
        skipped.add(p.where().skipped("patch not applied: " + e.getMessage()));
      }
    }
  }

  private List<Patches.Patch> strategicMergePatches(Kustomization k) {
    List<Patches.Patch> out = new ArrayList<>();
    for (ScalarNode entry : k.strings("patchesStrategicMerge"))
      patch(k, entry, Kustomization.isInlinePatch(entry.text()) ? entry : null, entry, null, out);
    return out;
  }

  private List<Patches.Patch> patches(Kustomization k) {
    List<Patches.Patch> out = new ArrayList<>();
    for (Node entry : k.items("patches")) {
      if (!(entry instanceof MapNode m)) continue;
      patch(k, m.get("path"), m.get("patch"), entry, m.get("target"), out);
    }
    return out;
  }

  private List<Patches.Patch> json6902Patches(Kustomization k) {
    List<Patches.Patch> out = new ArrayList<>();
    for (Node entry : k.items("patchesJson6902")) {
      if (!(entry instanceof MapNode m)) continue;
      Node target = m.get("target");
      if (target == null) {
        skipped.add(where(k, entry).skipped("patch not applied: no target"));
        continue;
      }
      patch(k, m.get("path"), m.get("patch"), entry, target, out);
    }
    return out;
  }

  /**
   * Reads one patch entry (a file path or inline text, with an optional target) into {@code out}.
   */
  private void patch(
      Kustomization k, Node path, Node inline, Node entry, Node target, List<Patches.Patch> out) {
    Line where = where(k, entry);
    try {
      Target selector = target instanceof MapNode t ? Target.of(t) : null;
      if (inline instanceof ScalarNode text && text.text() != null) {
        out.add(new Patches.Patch(Patches.inline(k, text), selector, where));
      } else if (path instanceof ScalarNode p && p.text() != null) {
        SourceFile file = files.file(ScannedFiles.resolve(k.dir(), p.text()));
        if (file == null)
          throw new PatchException("patch file " + p.text() + " is not among the scanned files");
        read.add(file.display());
        out.add(new Patches.Patch(Patches.fromFile(files, file), selector, where));
      } else {
        throw new PatchException("neither a path nor an inline patch");
      }
    } catch (PatchException e) {
      skipped.add(where.skipped("patch not applied: " + e.getMessage()));
    }
  }

  private void unrendered(Kustomization k) {
    for (MapNode.Entry e : k.node().entries()) {
      if (Kustomization.RENDERED.contains(e.key())) continue;
      String what =
          e.key().equals("helmCharts") || e.key().equals("helmGlobals")
              ? "Helm charts in a kustomization are not fetched or rendered: not assessed"
              : e.key().endsWith("Generator")
                  ? "generated objects are not rendered (references to them keep their names)"
                  : "not applied";
      notes.add(k.display() + ":" + e.keyLocation().line() + ": " + e.key() + ": " + what);
    }
  }

  private void notAssessed(Kustomization k, ScalarNode entry, String what) {
    skipped.add(where(k, entry).skipped(what + ": not assessed"));
  }

  /** A line of a kustomization file, where a patch or resource entry was written. */
  record Line(String file, int line) {
    SkippedFile skipped(String reason) {
      return new SkippedFile(file, "line " + line + ": " + reason);
    }
  }

  private static Line where(Kustomization k, Node entry) {
    return new Line(k.display(), entry.location().line());
  }

  private static ScalarNode scalar(Kustomization k, String field) {
    return k.node().get(field) instanceof ScalarNode s && s.text() != null ? s : null;
  }

  private String cycle(List<Path> chain, Path again) {
    List<String> names = new ArrayList<>();
    for (Path p : chain.subList(chain.indexOf(again), chain.size()))
      names.add(files.kustomization(p).display());
    names.add(files.kustomization(again).display());
    return String.join(" -> ", names);
  }
}

package dev.relplan.iac.kubernetes.kustomize;

import dev.relplan.discover.SourceFile;
import dev.relplan.parse.ScalarNode;
import dev.relplan.source.SkippedFile;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which kustomization includes which (through {@code resources}, {@code bases} and {@code
 * components}), read from the files without rendering: the roots are the kustomizations nobody
 * includes; those no root reaches sit on a cycle (or below one) and are reported, not lost.
 */
final class Graph {
  private final List<Path> roots = new ArrayList<>();
  private final List<String> unusedComponents = new ArrayList<>();
  private final List<Path> unreached = new ArrayList<>();
  private final List<SkippedFile> unreadable = new ArrayList<>();
  private final Set<String> kustomizationFiles = new TreeSet<>();
  private final Set<String> patchFiles = new TreeSet<>();
  private final Set<String> resourceFiles = new TreeSet<>();
  private final Map<Path, List<Path>> includes = new HashMap<>();

  private Graph() {}

  static Graph of(ScannedFiles files) {
    Graph g = new Graph();
    Set<Path> included = new HashSet<>();
    List<Path> readable = new ArrayList<>();
    for (Path dir : files.kustomizationDirs()) {
      SourceFile file = files.kustomizationFile(dir);
      g.kustomizationFiles.add(file.display());
      Kustomization k;
      try {
        k = files.kustomization(dir);
      } catch (RenderException e) {
        g.unreadable.add(
            new SkippedFile(file.display(), "kustomization not read: " + e.getMessage()));
        continue;
      }
      readable.add(dir);
      List<ScalarNode> entries = new ArrayList<>(k.resources());
      entries.addAll(k.components());
      for (ScalarNode entry : entries) g.edge(files, k, entry, included);
      for (ScalarNode path : k.patchPaths()) {
        SourceFile patch = files.file(ScannedFiles.resolve(dir, path.text()));
        if (patch != null) g.patchFiles.add(patch.display());
      }
    }
    for (Path dir : readable) {
      if (included.contains(dir)) continue;
      // A Component only adds to the kustomization that includes it: it does not build alone.
      if (isComponent(files, dir)) g.unusedComponents.add(files.kustomizationFile(dir).display());
      else g.roots.add(dir);
    }
    Set<Path> reached = g.reachable();
    for (Path dir : readable)
      if (!reached.contains(dir) && !isComponent(files, dir)) g.unreached.add(dir);
    return g;
  }

  private void edge(ScannedFiles files, Kustomization k, ScalarNode entry, Set<Path> included) {
    if (Kustomization.isRemote(entry.text())) return;
    Path target = ScannedFiles.resolve(k.dir(), entry.text());
    if (files.isKustomizationDir(target)) {
      includes.computeIfAbsent(k.dir(), d -> new ArrayList<>()).add(target);
      included.add(target);
    } else if (files.file(target) != null) {
      resourceFiles.add(files.file(target).display());
    }
  }

  private Set<Path> reachable() {
    Set<Path> reached = new HashSet<>(roots);
    Deque<Path> todo = new ArrayDeque<>(roots);
    while (!todo.isEmpty())
      for (Path next : includes.getOrDefault(todo.pop(), List.of()))
        if (reached.add(next)) todo.push(next);
    return reached;
  }

  List<Path> roots() {
    return roots;
  }

  private static boolean isComponent(ScannedFiles files, Path dir) {
    try {
      return files.kustomization(dir).isComponent();
    } catch (RenderException e) {
      return false;
    }
  }

  /** Components no kustomization includes: nothing renders them. */
  List<String> unusedComponents() {
    return unusedComponents;
  }

  List<Path> unreached() {
    return unreached;
  }

  List<SkippedFile> unreadable() {
    return unreadable;
  }

  Set<String> kustomizationFiles() {
    return kustomizationFiles;
  }

  Set<String> patchFiles() {
    return patchFiles;
  }

  Set<String> resourceFiles() {
    return resourceFiles;
  }
}

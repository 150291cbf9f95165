package dev.relplan.iac.compose;

import dev.relplan.discover.SourceFile;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ScalarNode;
import dev.relplan.source.Location;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One project's services as Compose runs them: each file's {@code services} merged over the earlier
 * files', files named by {@code include} added, and {@code extends} resolved within the project.
 * What cannot be read (an included or extended file that is not among the scanned Compose files) is
 * named in {@link #problems}.
 */
final class ComposeProject {
  /** A service: where it is first declared, its merged definition, and why it may be incomplete. */
  record Service(String name, Location location, MapNode definition, String incomplete) {}

  /** extends chains longer than this are refused. */
  private static final int MAX_EXTENDS = 16;

  private final Map<String, Service> services = new LinkedHashMap<>();
  private final List<String> problems = new ArrayList<>();

  /** Files already added: an include cycle, or a file included twice, is read once. */
  private final Set<String> added = new HashSet<>();

  private ComposeProject() {}

  /**
   * The project of {@code files} (merge order); {@code others} are the other claimed Compose files.
   */
  static ComposeProject read(List<SourceFile> files, Map<String, SourceFile> others) {
    ComposeProject p = new ComposeProject();
    for (SourceFile f : files) p.addFile(f, others, true, 0);
    p.resolveExtends();
    return p;
  }

  List<Service> services() {
    return List.copyOf(services.values());
  }

  List<String> problems() {
    return problems;
  }

  private void addFile(SourceFile f, Map<String, SourceFile> others, boolean merging, int depth) {
    if (!added.add(f.display())) return;
    if (!(f.document() instanceof MapNode top)) {
      problems.add(f.display() + " is not a mapping: not a Compose file");
      return;
    }
    for (Node item : Nodes.seq(top, "include")) {
      ScalarNode path = item instanceof ScalarNode s ? s : Nodes.scalar(item, "path");
      if (path == null || path.isNull()) continue; // an empty list item names no file
      String display = resolve(ComposeFiles.folder(f.display()), path.text());
      SourceFile included = others.get(display);
      if (included == null || depth > MAX_EXTENDS)
        problems.add(
            "include "
                + path.text()
                + " ("
                + path.location()
                + ") is not among the scanned Compose files: its services are not assessed");
      else addFile(included, others, false, depth + 1);
    }
    MapNode declared = Nodes.map(top, "services");
    if (declared == null) return;
    for (MapNode.Entry e : declared.entries()) {
      if (!(e.value() instanceof MapNode m)) continue;
      MapNode definition = Nodes.expandMergeKeys(m);
      Service known = services.get(e.key());
      if (known == null)
        services.put(e.key(), new Service(e.key(), e.keyLocation(), definition, null));
      else if (merging)
        services.put(
            e.key(),
            new Service(
                e.key(), known.location(), Nodes.merge(known.definition(), definition), null));
    }
  }

  /** Each service that extends another gets the other's definition under its own. */
  private void resolveExtends() {
    for (String name : List.copyOf(services.keySet()))
      services.put(name, extended(services.get(name), 0));
  }

  private Service extended(Service s, int depth) {
    Node extendsNode = Nodes.at(s.definition(), "extends");
    if (extendsNode == null) return s;
    MapNode own = Nodes.without(s.definition(), "extends");
    ScalarNode base =
        extendsNode instanceof ScalarNode sc ? sc : Nodes.scalar(extendsNode, "service");
    ScalarNode file = Nodes.scalar(extendsNode, "file");
    if (base == null
        || file != null
        || depth >= MAX_EXTENDS
        || !services.containsKey(base.text())) {
      String reason =
          "extends "
              + (base == null ? "an unnamed service" : base.text())
              + (file != null ? " of " + file.text() : "")
              + " ("
              + extendsNode.location()
              + ") is not read: settings it would give are unknown";
      return new Service(s.name(), s.location(), own, reason);
    }
    Service parent = extended(services.get(base.text()), depth + 1);
    return new Service(
        s.name(), s.location(), Nodes.merge(parent.definition(), own), parent.incomplete());
  }

  /** A path relative to a folder, normalised, with forward slashes. */
  static String resolve(String folder, String relative) {
    return Path.of(folder.isEmpty() ? "." : folder)
        .resolve(relative)
        .normalize()
        .toString()
        .replace('\\', '/');
  }
}

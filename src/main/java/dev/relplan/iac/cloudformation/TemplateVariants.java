package dev.relplan.iac.cloudformation;

import dev.relplan.discover.SourceFile;
import dev.relplan.model.DefinedObject;
import dev.relplan.model.Resource;
import dev.relplan.model.Workload;
import dev.relplan.parse.MapNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Root templates in one folder that declare mostly the same logical resources are variants of one
 * stack, deployed one or the other (e.g. {@code master.yaml} and {@code master-with-warmers.yaml}):
 * each variant's resources are marked as definitions of the same objects ({@link DefinedObject}),
 * so that the assessment reports their agreeing findings once, citing both, and names the variant
 * when they disagree. Templates that share a few names (two stacks with a {@code Queue} each) are
 * not variants.
 */
final class TemplateVariants {
  /** Fewer resources than this and a shared name says little about what the templates deploy. */
  static final int MIN_RESOURCES = 5;

  /** The share of the smaller template's logical ids the larger one must declare too. */
  static final double MIN_SHARED = 0.8;

  /** Template → its group's first (base) template and its rank in the group. */
  private final Map<SourceFile, Member> members = new HashMap<>();

  private final List<String> notes = new ArrayList<>();

  private record Member(String group, int rank, String definition) {}

  /** Finds the variants among {@code roots}, the root templates, in discovery order. */
  TemplateVariants(List<SourceFile> roots) {
    Map<String, List<SourceFile>> byFolder = new HashMap<>();
    for (SourceFile f : roots) byFolder.computeIfAbsent(folder(f), k -> new ArrayList<>()).add(f);
    for (List<SourceFile> inFolder : byFolder.values()) if (inFolder.size() > 1) group(inFolder);
  }

  /** Marks the resources {@code template} (a root template) adds as definitions of its group. */
  void mark(SourceFile template, Workload draft) {
    Member m = members.get(template);
    if (m == null) return;
    for (Resource r : draft.resources())
      r.definedObject = new DefinedObject(m.group() + "#" + r.id, m.definition(), m.rank());
  }

  List<String> notes() {
    return notes;
  }

  /**
   * Groups the folder's templates, each with the first earlier one it is a variant of. Which
   * templates share logical ids with a template comes from an index of the ids (the templates
   * declaring each), so a folder of unrelated templates costs one pass over their ids, not a
   * comparison of every pair.
   */
  private void group(List<SourceFile> inFolder) {
    List<SourceFile> ordered = new ArrayList<>(inFolder);
    // The base is the plainest name: variants add words to it (template.yaml, template-prod.yaml).
    ordered.sort(
        Comparator.comparingInt((SourceFile f) -> f.display().length())
            .thenComparing(SourceFile::display));
    Map<SourceFile, Set<String>> ids = new HashMap<>();
    Map<SourceFile, Integer> position = new HashMap<>();
    Map<String, List<SourceFile>> declaring = new HashMap<>();
    for (SourceFile f : ordered) {
      ids.put(f, logicalIds(f));
      position.put(f, position.size());
      if (ids.get(f).size() < MIN_RESOURCES) continue; // never a variant
      for (String id : ids.get(f)) declaring.computeIfAbsent(id, k -> new ArrayList<>()).add(f);
    }
    for (SourceFile f : ordered) {
      if (members.containsKey(f) || ids.get(f).size() < MIN_RESOURCES) continue;
      Map<SourceFile, Integer> shared = new HashMap<>();
      for (String id : ids.get(f))
        for (SourceFile other : declaring.get(id))
          if (other != f && !members.containsKey(other)) shared.merge(other, 1, Integer::sum);
      List<SourceFile> group = new ArrayList<>(List.of(f));
      shared.entrySet().stream()
          .filter(e -> variants(ids.get(f), ids.get(e.getKey()), e.getValue()))
          .map(Map.Entry::getKey)
          .sorted(Comparator.comparing(position::get))
          .forEach(group::add);
      if (group.size() < 2) continue;
      for (int rank = 0; rank < group.size(); rank++)
        members.put(group.get(rank), new Member(f.display(), rank, group.get(rank).display()));
      note(group, ids);
    }
  }

  private void note(List<SourceFile> group, Map<SourceFile, Set<String>> ids) {
    SourceFile base = group.get(0);
    List<String> parts = new ArrayList<>();
    for (SourceFile other : group.subList(1, group.size())) {
      Set<String> shared = new LinkedHashSet<>(ids.get(other));
      shared.retainAll(ids.get(base));
      parts.add(
          other.display()
              + " repeats "
              + shared.size()
              + " of its "
              + ids.get(base).size()
              + " logical resource ids");
    }
    notes.add(
        "CloudFormation: template variants of "
            + base.display()
            + " in the same folder ("
            + String.join("; ", parts)
            + ") are taken as alternatives of one stack: their findings are reported once where"
            + " they agree, citing each template, and per template where they differ");
  }

  /** Whether two templates sharing {@code shared} logical ids are variants of one stack. */
  private static boolean variants(Set<String> a, Set<String> b, int shared) {
    if (a.size() < MIN_RESOURCES || b.size() < MIN_RESOURCES) return false;
    return shared >= MIN_SHARED * Math.min(a.size(), b.size());
  }

  private static Set<String> logicalIds(SourceFile f) {
    Set<String> out = new LinkedHashSet<>();
    if (f.document() instanceof MapNode root && root.get("Resources") instanceof MapNode resources)
      for (MapNode.Entry e : resources.entries()) out.add(e.key());
    return out;
  }

  private static String folder(SourceFile f) {
    String d = f.display();
    return d.contains("/") ? d.substring(0, d.lastIndexOf('/')) : "";
  }
}

package dev.relplan.iac.kubernetes.kustomize;

import dev.relplan.iac.kubernetes.kustomize.KustomizeRoot.Environment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which root is the assessed configuration. Roots that share a file (overlays of one base) form a
 * family; in each family the production-named roots are assessed, else those naming no environment,
 * else all of them. The other roots of a family are its other environments (pre-production
 * evidence).
 */
final class Selection {
  private Selection() {}

  static List<KustomizeRoot> choose(List<KustomizeRoot> roots) {
    List<List<Integer>> families = families(roots);
    KustomizeRoot[] chosen = roots.toArray(KustomizeRoot[]::new);
    for (List<Integer> family : families) {
      Environment pick = Environment.NON_PRODUCTION;
      for (int i : family) {
        Environment e = roots.get(i).environment();
        if (e == Environment.PRODUCTION
            || e == Environment.UNKNOWN && pick != Environment.PRODUCTION) pick = e;
      }
      for (int i : family) chosen[i] = roots.get(i).assessed(roots.get(i).environment() == pick);
    }
    return List.of(chosen);
  }

  /** The roots with {@code dir}'s root the only assessed one of its family; others unchanged. */
  static List<KustomizeRoot> prefer(List<KustomizeRoot> roots, String dir) {
    KustomizeRoot[] chosen = roots.toArray(KustomizeRoot[]::new);
    for (List<Integer> family : families(roots)) {
      if (family.stream().noneMatch(i -> roots.get(i).dir().equals(dir))) continue;
      for (int i : family) chosen[i] = roots.get(i).assessed(roots.get(i).dir().equals(dir));
    }
    return List.of(chosen);
  }

  /** Groups of root indexes that share any file, by union-find over the files they read. */
  private static List<List<Integer>> families(List<KustomizeRoot> roots) {
    int[] parent = new int[roots.size()];
    for (int i = 0; i < parent.length; i++) parent[i] = i;
    Map<String, Integer> firstReader = new HashMap<>();
    for (int i = 0; i < roots.size(); i++)
      for (String file : roots.get(i).files()) {
        Integer other = firstReader.putIfAbsent(file, i);
        if (other != null) parent[find(parent, i)] = find(parent, other);
      }
    Map<Integer, List<Integer>> groups = new TreeMap<>();
    for (int i = 0; i < roots.size(); i++)
      groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(i);
    return new ArrayList<>(groups.values());
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  }

  /** One note per family with a choice: which root was assessed, which count as environments. */
  static List<String> notes(List<KustomizeRoot> roots) {
    List<String> notes = new ArrayList<>();
    for (List<Integer> family : families(roots)) {
      if (family.size() < 2) continue;
      List<String> assessed = new ArrayList<>();
      List<String> others = new ArrayList<>();
      for (int i : family) (roots.get(i).assessed() ? assessed : others).add(roots.get(i).dir());
      notes.add(
          "Kustomize: assessed "
              + String.join(", ", assessed)
              + (assessedProduction(roots, family)
                  ? " (named like production)"
                  : " (none named like production)")
              + (others.isEmpty() ? "" : "; other environments: " + String.join(", ", others)));
    }
    return notes;
  }

  private static boolean assessedProduction(List<KustomizeRoot> roots, List<Integer> family) {
    for (int i : family)
      if (roots.get(i).assessed() && roots.get(i).environment() == Environment.PRODUCTION)
        return true;
    return false;
  }
}

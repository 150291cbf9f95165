package dev.relplan.portfolio;

import dev.relplan.rules.Rule;
import dev.relplan.rules.RuleRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** The most frequent gaps: each rule with findings, by the number of workloads it was found in. */
final class Gaps {
  private Gaps() {}

  static List<Portfolio.Gap> of(List<WorkloadReport> latest) {
    Map<String, TreeSet<String>> workloads = new TreeMap<>();
    Map<String, Integer> findings = new HashMap<>();
    for (WorkloadReport r : latest) {
      for (WorkloadReport.Finding f : r.findings()) {
        workloads.computeIfAbsent(f.rule(), k -> new TreeSet<>()).add(r.workload());
        findings.merge(f.rule(), 1, Integer::sum);
      }
    }
    Map<String, String> titles = ruleTitles();
    List<Portfolio.Gap> out = new ArrayList<>();
    for (var e : workloads.entrySet())
      out.add(
          new Portfolio.Gap(
              e.getKey(),
              titles.get(e.getKey()),
              List.copyOf(e.getValue()),
              findings.get(e.getKey())));
    out.sort(
        Comparator.comparingInt((Portfolio.Gap g) -> g.workloads().size())
            .reversed()
            .thenComparing(Comparator.comparingInt(Portfolio.Gap::findings).reversed())
            .thenComparing(Portfolio.Gap::rule));
    return out;
  }

  /** Each rule's title by its id; a report from another relplan version may name others. */
  private static Map<String, String> ruleTitles() {
    Map<String, String> out = new HashMap<>();
    for (Rule r : RuleRegistry.all()) out.put(r.meta().id(), r.meta().title());
    return out;
  }
}

package dev.relplan.assess;

import dev.relplan.rules.Finding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Findings whose titles would read the same although they are about resources declared in different
 * files (two services of a monorepo each with the framework's {@code ApiGatewayDeployment}, two
 * templates each with a {@code MyFunction}) get the declaring file after the title, so that the
 * plan's lists, tables and actions tell them apart. Titles that are already distinct are left as
 * they are.
 */
final class DistinctTitles {
  private DistinctTitles() {}

  static List<Finding> of(List<Finding> findings) {
    Map<String, Set<String>> filesByTitle = new HashMap<>();
    for (Finding f : findings)
      filesByTitle.computeIfAbsent(f.title(), t -> new HashSet<>()).add(file(f));
    List<Finding> out = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      boolean ambiguous = filesByTitle.get(f.title()).size() > 1 && f.subject() != null;
      out.add(ambiguous ? f.withTitle(f.title() + " (" + file(f) + ")") : f);
    }
    return out;
  }

  /** The file declaring the finding's resource; empty for a repository-level finding. */
  private static String file(Finding f) {
    return f.subject() == null ? "" : f.subject().location.file();
  }
}

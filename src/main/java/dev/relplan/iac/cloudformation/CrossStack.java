package dev.relplan.iac.cloudformation;

import dev.relplan.iac.common.Evaluated;
import dev.relplan.model.Unknown;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Values that cross template boundaries: exports read with Fn::ImportValue, and outputs of nested
 * stacks read with Fn::GetAtt Stack.Outputs.Name. Export names usually embed the exporting stack's
 * name, which is unknown statically; such a name matches an import when the rest of it matches and
 * exactly one export fits.
 */
final class CrossStack {
  /** Stands for ${AWS::StackName} while export names are evaluated. */
  static final String STACK_NAME = "\u0000stack\u0000";

  private record Export(String name, Template template, Node value, Location location) {}

  private final List<Template> templates = new ArrayList<>();
  private List<Export> exports;

  /** Exports by their fixed end, and the lengths of those ends, shortest first. */
  private Map<String, List<Export>> exportsByEnd;

  private final TreeSet<Integer> endLengths = new TreeSet<>();
  private final Map<String, Template> nestedChildren = new HashMap<>();

  /** Exports and nested-stack outputs being evaluated: one met again is a cycle. */
  private final List<String> inProgress = new ArrayList<>();

  /** True only while export names are evaluated. */
  boolean stackNameWildcard;

  void add(Template t) {
    templates.add(t);
    exports = null;
    exportsByEnd = null;
  }

  void addNested(Template parent, String stackId, Template child) {
    nestedChildren.put(parent.scope + "#" + stackId, child);
  }

  Evaluated importValue(String name) {
    List<Export> matches = new ArrayList<>();
    for (Export e : candidates(name)) if (matches(e.name, name)) matches.add(e);
    if (matches.size() != 1) {
      return Evaluated.of(
          new Unknown(
              matches.isEmpty()
                  ? "export " + name + " is not declared by any scanned template"
                  : "export " + name + " matches " + matches.size() + " exports"));
    }
    Export e = matches.get(0);
    String key = "export " + name;
    if (inProgress.contains(key))
      return Evaluated.of(new Unknown("export " + name + " is imported in a cycle"));
    inProgress.add(key);
    Evaluated v;
    try {
      v = e.template.eval(e.value);
    } finally {
      inProgress.remove(key);
    }
    List<Location> trace = new ArrayList<>(List.of(e.location));
    trace.addAll(v.trace());
    return new Evaluated(v.value(), trace, v.refs());
  }

  Evaluated nestedOutput(Template parent, String stackId, String output) {
    Template child = nestedChildren.get(parent.scope + "#" + stackId);
    if (child == null) {
      return Evaluated.of(
          new Unknown("nested stack " + stackId + " has no local template in the scanned paths"));
    }
    if (child.section("Outputs").get(output) instanceof MapNode o && o.get("Value") != null) {
      String key = "output " + child.scope + "#" + output;
      if (inProgress.contains(key)) {
        return Evaluated.of(
            new Unknown(
                "output " + output + " of nested stack " + stackId + " refers back to itself"));
      }
      inProgress.add(key);
      Evaluated v;
      try {
        v = child.eval(o.get("Value"));
      } finally {
        inProgress.remove(key);
      }
      List<Location> trace = new ArrayList<>(List.of(o.location()));
      trace.addAll(v.trace());
      return new Evaluated(v.value(), trace, v.refs());
    }
    return Evaluated.of(new Unknown("nested stack " + stackId + " has no output " + output));
  }

  /**
   * The exports whose fixed end (the text after their last stack-name placeholder, or the whole
   * name) ends the imported name: only they can match, and looking them up by that end instead of
   * trying every export keeps many imports of many exports linear.
   */
  private List<Export> candidates(String name) {
    if (exportsByEnd == null) {
      exportsByEnd = new HashMap<>();
      endLengths.clear();
      for (Export e : exports()) {
        String end = fixedEnd(e.name);
        exportsByEnd.computeIfAbsent(end, k -> new ArrayList<>()).add(e);
        endLengths.add(end.length());
      }
    }
    List<Export> out = new ArrayList<>();
    for (int length : endLengths) {
      if (length > name.length()) break;
      out.addAll(exportsByEnd.getOrDefault(name.substring(name.length() - length), List.of()));
    }
    return out;
  }

  private static String fixedEnd(String exportName) {
    int last = exportName.lastIndexOf(STACK_NAME);
    return last < 0 ? exportName : exportName.substring(last + STACK_NAME.length());
  }

  private List<Export> exports() {
    if (exports != null) return exports;
    exports = new ArrayList<>();
    stackNameWildcard = true;
    try {
      for (Template t : templates) {
        for (MapNode.Entry e : t.section("Outputs").entries()) {
          if (!(e.value() instanceof MapNode out) || !(out.get("Export") instanceof MapNode export))
            continue;
          Node nameNode = export.get("Name");
          if (nameNode == null || out.get("Value") == null) continue;
          if (t.eval(nameNode).value() instanceof String name) {
            exports.add(new Export(name, t, out.get("Value"), e.keyLocation()));
          }
        }
      }
    } finally {
      stackNameWildcard = false;
    }
    return exports;
  }

  /**
   * Literal match, or a match where each stack-name placeholder stands for one or more characters.
   */
  static boolean matches(String pattern, String name) {
    if (!pattern.contains(STACK_NAME)) return pattern.equals(name);
    String[] parts = pattern.split(STACK_NAME, -1);
    if (!name.startsWith(parts[0]) || !name.endsWith(parts[parts.length - 1])) return false;
    int pos = parts[0].length();
    for (int i = 1; i < parts.length - 1; i++) {
      int found = name.indexOf(parts[i], pos + 1);
      if (found < 0) return false;
      pos = found + parts[i].length();
    }
    return name.length() - parts[parts.length - 1].length() > pos;
  }
}

package dev.relplan.iac.kubernetes.kustomize;

import dev.relplan.model.LabelSelector;
import dev.relplan.model.LabelSelector.Operator;
import dev.relplan.model.LabelSelector.Requirement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a label selector in its string form, as patch targets give {@code labelSelector} and {@code
 * annotationSelector}, into the model's {@link LabelSelector}: comma-separated requirements {@code
 * k=v}, {@code k==v}, {@code k!=v}, {@code k in (a,b)}, {@code k notin (a,b)}, {@code k} and {@code
 * !k}; all must hold. {@code k=v} is {@code k in (v)} and {@code k!=v} is {@code k notin (v)}, as
 * the Kubernetes API defines the equality-based forms.
 */
final class SelectorText {
  private SelectorText() {}

  static LabelSelector parse(String text) {
    List<Requirement> requirements = new ArrayList<>();
    for (String part : splitOutsideParentheses(text)) {
      String p = part.strip();
      if (!p.isEmpty()) requirements.add(requirement(p, text));
    }
    return new LabelSelector(Map.of(), requirements);
  }

  private static Requirement requirement(String p, String whole) {
    int paren = p.indexOf('(');
    if (paren > 0) {
      String[] head = p.substring(0, paren).strip().split(" +");
      if (head.length != 2 || !p.endsWith(")") || !Set.of("in", "notin").contains(head[1]))
        throw invalid(whole);
      Set<String> values = new LinkedHashSet<>();
      for (String v : p.substring(paren + 1, p.length() - 1).split(",")) values.add(v.strip());
      return new Requirement(head[0], head[1].equals("in") ? Operator.IN : Operator.NOT_IN, values);
    }
    if (p.startsWith("!"))
      return new Requirement(p.substring(1).strip(), Operator.DOES_NOT_EXIST, Set.of());
    int ne = p.indexOf("!=");
    if (ne > 0)
      return new Requirement(
          p.substring(0, ne).strip(), Operator.NOT_IN, Set.of(p.substring(ne + 2).strip()));
    int eq = p.indexOf('=');
    if (eq > 0) {
      int valueStart = p.startsWith("==", eq) ? eq + 2 : eq + 1;
      return new Requirement(
          p.substring(0, eq).strip(), Operator.IN, Set.of(p.substring(valueStart).strip()));
    }
    return new Requirement(p, Operator.EXISTS, Set.of());
  }

  private static List<String> splitOutsideParentheses(String text) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(') depth++;
      else if (c == ')') depth--;
      else if (c == ',' && depth == 0) {
        parts.add(text.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(text.substring(start));
    return parts;
  }

  private static PatchException invalid(String text) {
    return new PatchException("label selector '" + text + "' cannot be read");
  }
}

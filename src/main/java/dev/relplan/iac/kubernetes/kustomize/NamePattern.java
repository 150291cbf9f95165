package dev.relplan.iac.kubernetes.kustomize;

import java.util.ArrayList;
import java.util.List;

/**
 * A patch target's {@code name} or {@code namespace}: kustomize reads it as a regular expression
 * anchored at both ends. relplan evaluates the forms kustomize's documentation uses — literal
 * characters, {@code .}, the quantifiers {@code *} {@code +} {@code ?}, top-level {@code |}
 * alternatives and {@code \} escapes — in time linear in the name (no backtracking); any other
 * construct is refused so that no pattern can be slower than that.
 */
final class NamePattern {
  /** Longest pattern accepted. */
  static final int MAX_CHARS = 256;

  /** One position of a pattern: a character ({@code ANY} for '.') and how often it may repeat. */
  private record Atom(char c, boolean any, char quantifier) {}

  private final List<List<Atom>> alternatives;

  private NamePattern(List<List<Atom>> alternatives) {
    this.alternatives = alternatives;
  }

  /** The pattern, or a {@link PatchException} naming what relplan does not evaluate. */
  static NamePattern of(String pattern) {
    if (pattern.length() > MAX_CHARS)
      throw new PatchException("target pattern longer than " + MAX_CHARS + " characters");
    String body = pattern;
    if (body.startsWith("^")) body = body.substring(1);
    if (body.endsWith("$") && !body.endsWith("\\$")) body = body.substring(0, body.length() - 1);
    List<List<Atom>> alternatives = new ArrayList<>();
    List<Atom> current = new ArrayList<>();
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '|') {
        alternatives.add(current);
        current = new ArrayList<>();
      } else if (c == '*' || c == '+' || c == '?') {
        if (current.isEmpty() || current.get(current.size() - 1).quantifier() != 0)
          throw unsupported(pattern);
        Atom last = current.remove(current.size() - 1);
        current.add(new Atom(last.c(), last.any(), c));
      } else if (c == '\\' && i + 1 < body.length()) {
        current.add(new Atom(body.charAt(++i), false, (char) 0));
      } else if ("()[]{}^$\\".indexOf(c) >= 0) {
        throw unsupported(pattern);
      } else {
        current.add(new Atom(c, c == '.', (char) 0));
      }
    }
    alternatives.add(current);
    return new NamePattern(alternatives);
  }

  private static PatchException unsupported(String pattern) {
    return new PatchException(
        "target pattern '"
            + pattern
            + "' uses regular-expression syntax relplan does not evaluate");
  }

  boolean matches(String name) {
    if (name == null) return false;
    for (List<Atom> atoms : alternatives) if (matches(atoms, name)) return true;
    return false;
  }

  /** Simulates the pattern's automaton: the set of atom positions reachable after each char. */
  private static boolean matches(List<Atom> atoms, String name) {
    boolean[] states = closure(atoms, new boolean[atoms.size() + 1], 0);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean[] next = new boolean[atoms.size() + 1];
      for (int s = 0; s < atoms.size(); s++) {
        if (!states[s]) continue;
        Atom a = atoms.get(s);
        if (!(a.any() || a.c() == c)) continue;
        if (a.quantifier() == '*' || a.quantifier() == '+') closure(atoms, next, s);
        closure(atoms, next, s + 1);
      }
      states = next;
    }
    return states[atoms.size()];
  }

  /** Marks state {@code s} and every state reachable from it by skipping optional atoms. */
  private static boolean[] closure(List<Atom> atoms, boolean[] states, int s) {
    while (s <= atoms.size() && !states[s]) {
      states[s] = true;
      if (s == atoms.size()) break;
      char q = atoms.get(s).quantifier();
      if (q != '*' && q != '?') break;
      s++;
    }
    return states;
  }
}

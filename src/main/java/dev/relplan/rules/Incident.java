package dev.relplan.rules;

import java.util.List;
import java.util.Locale;

/**
 * A past incident the user reported (--incidents): it raises the likelihood of findings on the
 * components it affected.
 */
public record Incident(String date, String title, String description, List<String> affected) {
  /**
   * True when a finding's resource is one of the affected components (same name, ignoring case and
   * separators).
   */
  public boolean affects(String resource) {
    String r = normalize(resource);
    for (String a : affected) {
      String n = normalize(a);
      if (!n.isEmpty()
          && (n.equals(r)
              || (n.length() >= 4 && r.contains(n))
              || (r.length() >= 4 && n.contains(r)))) return true;
    }
    return false;
  }

  private static String normalize(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }
}

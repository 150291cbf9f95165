package dev.relplan.code.java;

import com.github.javaparser.ast.expr.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds configuration calls in what a client is built from, following arguments into the objects
 * they build (a RequestConfig passed to a builder, a request factory passed to a RestTemplate, a
 * lambda passed to overrideConfiguration) but never into the arguments of the outbound calls
 * themselves, so one request's settings are not attributed to another.
 */
final class Settings {
  /** A configuration call found, and the type of the object it was made on. */
  record Found(Built.Step step, String ownerType) {}

  /** Outbound calls: their arguments are requests, not configuration of the client. */
  static final Set<String> OUTBOUND =
      Set.of(
          "send",
          "sendAsync",
          "execute",
          "newCall",
          "getForObject",
          "getForEntity",
          "postForObject",
          "postForEntity",
          "postForLocation",
          "put",
          "delete",
          "patchForObject",
          "exchange",
          "headForHeaders",
          "optionsForAllow",
          "retrieve",
          "exchangeToMono",
          "exchangeToFlux");

  private Settings() {}

  static List<Found> find(Built b, Set<String> names) {
    List<Found> out = new ArrayList<>();
    find(b, names, 0, out);
    return out;
  }

  static Found first(Built b, Set<String> names) {
    List<Found> all = find(b, names);
    return all.isEmpty() ? null : all.get(all.size() - 1); // the last setting wins
  }

  /** The first reason found why part of the configuration could not be followed, or null. */
  static String unresolved(Built b) {
    return unresolved(b, 0);
  }

  private static String unresolved(Built b, int depth) {
    if (b == null || depth > 4) return null;
    if (b.unresolved != null) return b.unresolved;
    for (Built.Step s : b.steps) {
      if (OUTBOUND.contains(s.name())) continue;
      for (Expression a : s.args()) {
        String r = unresolved(s.ctx().eval(a), depth + 1);
        if (r != null) return r;
      }
    }
    return null;
  }

  private static void find(Built b, Set<String> names, int depth, List<Found> out) {
    if (b == null || depth > 4) return;
    for (Built.Step s : b.steps) {
      if (names.contains(s.name())) out.add(new Found(s, b.type));
      if (OUTBOUND.contains(s.name())) continue;
      for (Expression a : s.args()) find(s.ctx().eval(a), names, depth + 1, out);
    }
  }
}

package dev.relplan.assess;

import dev.relplan.model.DefinedObject;
import dev.relplan.model.Resource;
import dev.relplan.model.Workload;
import dev.relplan.rules.Finding;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One object, several definitions ({@link DefinedObject}): the findings of one rule about one
 * object whose definitions agree — same verdict (title, impact, likelihood, flag) and same deciding
 * values — are one finding citing the evidence of each definition in their order of precedence,
 * worded as the first (a description may name details that decide nothing, such as an image tag).
 * When the definitions disagree (different verdicts, or the rule holds for some of them only), each
 * verdict is a finding of its own naming its definitions, and a note says which definitions
 * disagree on what. Declarations that are not marked as objects pass unchanged.
 */
final class SameObjects {
  private SameObjects() {}

  /** The findings merged, and a note per object whose definitions disagree. */
  record Merged(List<Finding> findings, List<String> notes) {}

  /**
   * Merges {@code rated}, the findings after rating, given each one's deciding values by index
   * (taken from the finding before rating: rating keeps the findings one for one and in order).
   */
  static Merged merge(List<Finding> rated, Function<Integer, String> deciding, Workload w) {
    Map<String, List<String>> definitions = definitions(w);
    Map<Integer, Finding> replaced = new LinkedHashMap<>();
    Set<Integer> dropped = new HashSet<>();
    Map<String, List<String>> disagreements = new TreeMap<>();
    for (List<Integer> group : byRuleAndObject(rated)) {
      Resource subject = rated.get(group.get(0)).subject();
      List<List<Integer>> verdicts = verdicts(group, rated, deciding);
      List<String> all = definitions.getOrDefault(objectKey(subject), List.of());
      boolean agree = verdicts.size() == 1 && definitionsOf(verdicts.get(0), rated).equals(all);
      for (List<Integer> verdict : verdicts) {
        Finding merged = withEvidenceOf(verdict, rated);
        replaced.put(
            verdict.get(0), agree ? merged : named(merged, definitionsOf(verdict, rated), all));
        dropped.addAll(verdict.subList(1, verdict.size()));
      }
      if (!agree)
        disagreements
            .computeIfAbsent(
                subject.id + " (" + String.join(", ", all) + ")", k -> new ArrayList<>())
            .add(disagreement(rated, verdicts, all));
    }
    List<Finding> out = new ArrayList<>();
    for (int i = 0; i < rated.size(); i++)
      if (!dropped.contains(i)) out.add(replaced.getOrDefault(i, rated.get(i)));
    List<String> notes = new ArrayList<>();
    disagreements.forEach(
        (object, rules) ->
            notes.add(
                "Definitions of "
                    + object
                    + " disagree, so their findings are reported per definition: "
                    + String.join("; ", rules)));
    return new Merged(out, notes);
  }

  /** The indexes of the findings about defined objects, by rule and object, in report order. */
  private static Collection<List<Integer>> byRuleAndObject(List<Finding> rated) {
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < rated.size(); i++) {
      Resource subject = rated.get(i).subject();
      if (subject == null || subject.definedObject == null) continue;
      String key = rated.get(i).rule().id() + "\n" + objectKey(subject);
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
    }
    return groups.values();
  }

  /** "RULE reported separately for a, b / c, not for d": which definitions hold which verdict. */
  private static String disagreement(
      List<Finding> rated, List<List<Integer>> verdicts, List<String> all) {
    List<String> parts = new ArrayList<>();
    List<String> silent = new ArrayList<>(all);
    for (List<Integer> verdict : verdicts) {
      List<String> names = definitionsOf(verdict, rated);
      parts.add(String.join(", ", names));
      silent.removeAll(names);
    }
    return rated.get(verdicts.get(0).get(0)).rule().id()
        + " reported separately for "
        + String.join(" / ", parts)
        + (silent.isEmpty() ? "" : ", not for " + String.join(", ", silent));
  }

  /** The group's findings split by verdict, each list in the definitions' order of precedence. */
  private static List<List<Integer>> verdicts(
      List<Integer> group, List<Finding> rated, Function<Integer, String> deciding) {
    List<Integer> ordered = new ArrayList<>(group);
    ordered.sort(Comparator.comparingInt(i -> rated.get(i).subject().definedObject.rank()));
    Map<String, List<Integer>> byVerdict = new LinkedHashMap<>();
    for (int i : ordered) {
      Finding f = rated.get(i);
      String verdict =
          String.join(
              "\n",
              f.title(),
              f.impact().name(),
              f.likelihood().name(),
              String.valueOf(f.flag()),
              deciding.apply(i));
      byVerdict.computeIfAbsent(verdict, k -> new ArrayList<>()).add(i);
    }
    return new ArrayList<>(byVerdict.values());
  }

  /** The first finding citing, after its own, the evidence of the others. */
  private static Finding withEvidenceOf(List<Integer> verdict, List<Finding> rated) {
    Finding merged = rated.get(verdict.get(0));
    List<Location> more = new ArrayList<>();
    for (int i : verdict.subList(1, verdict.size())) more.addAll(rated.get(i).evidence());
    return more.isEmpty() ? merged : merged.withEvidence(more);
  }

  /** The finding saying which definitions it holds for when the object's others disagree. */
  private static Finding named(Finding f, List<String> names, List<String> all) {
    List<String> others = new ArrayList<>(all);
    others.removeAll(names);
    return f.withDescription(
        f.description()
            + " As defined by "
            + String.join(", ", names)
            + (others.isEmpty()
                ? ""
                : "; "
                    + String.join(", ", others)
                    + (others.size() == 1 ? " defines" : " define")
                    + " it otherwise")
            + ".");
  }

  private static List<String> definitionsOf(List<Integer> verdict, List<Finding> rated) {
    List<String> names = new ArrayList<>();
    for (int i : verdict) {
      String name = rated.get(i).subject().definedObject.definition();
      if (!names.contains(name)) names.add(name);
    }
    return names;
  }

  /** Each object's definitions, in their order of precedence. */
  private static Map<String, List<String>> definitions(Workload w) {
    Map<String, List<DefinedObject>> byObject = new LinkedHashMap<>();
    for (Resource r : w.resources())
      if (r.definedObject != null)
        byObject.computeIfAbsent(objectKey(r), k -> new ArrayList<>()).add(r.definedObject);
    Map<String, List<String>> out = new LinkedHashMap<>();
    byObject.forEach(
        (object, defined) ->
            out.put(
                object,
                defined.stream()
                    .sorted(Comparator.comparingInt(DefinedObject::rank))
                    .map(DefinedObject::definition)
                    .distinct()
                    .toList()));
    return out;
  }

  /**
   * One model resource of one object: an object may be modelled as several (pods and a database).
   */
  private static String objectKey(Resource r) {
    return r.getClass().getName() + "\n" + r.type + "\n" + r.definedObject.identity();
  }

  /** The resources modelled, an object defined several times counted once. */
  static int count(Workload w) {
    Set<String> objects = new HashSet<>();
    int count = 0;
    for (Resource r : w.resources())
      if (r.definedObject == null || objects.add(objectKey(r))) count++;
    return count;
  }

  /**
   * Rows (table rows, strengths, Cannot Determine entries) that differ only in evidence and start
   * at the declaration of a defined object, as one row citing the evidence of each, at the first
   * one's place: the same object's definitions agreeing on a row are one row. {@code withEvidence}
   * gives the row with other evidence; rows equal with empty evidence are the same row.
   */
  static <T> List<T> mergeRows(
      List<T> rows,
      Workload w,
      Function<T, List<Location>> evidence,
      BiFunction<T, List<Location>, T> withEvidence) {
    Set<Location> declarations = new HashSet<>();
    for (Resource r : w.resources()) if (r.definedObject != null) declarations.add(r.location);
    if (declarations.isEmpty()) return rows;
    Map<T, Integer> merged = new HashMap<>();
    List<T> out = new ArrayList<>();
    for (T row : rows) {
      List<Location> cited = evidence.apply(row);
      Integer at =
          !cited.isEmpty() && declarations.contains(cited.get(0))
              ? merged.putIfAbsent(withEvidence.apply(row, List.of()), out.size())
              : null;
      if (at == null) {
        out.add(row);
        continue;
      }
      List<Location> both = new ArrayList<>(evidence.apply(out.get(at)));
      for (Location l : cited) if (!both.contains(l)) both.add(l);
      out.set(at, withEvidence.apply(out.get(at), both));
    }
    return out;
  }
}

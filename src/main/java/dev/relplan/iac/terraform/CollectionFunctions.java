package dev.relplan.iac.terraform;

import static dev.relplan.iac.terraform.FunctionArgs.MAX_ITEMS;
import static dev.relplan.iac.terraform.FunctionArgs.bad;
import static dev.relplan.iac.terraform.FunctionArgs.integer;
import static dev.relplan.iac.terraform.FunctionArgs.list;
import static dev.relplan.iac.terraform.FunctionArgs.need;
import static dev.relplan.iac.terraform.FunctionArgs.one;
import static dev.relplan.iac.terraform.FunctionArgs.str;
import static dev.relplan.iac.terraform.FunctionArgs.unknownIfRef;
import static java.util.Map.entry;

import dev.relplan.model.Unknown;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Terraform's collection functions: lists, sets and maps. */
final class CollectionFunctions {
  private CollectionFunctions() {}

  static Map<String, HclFunction> table() {
    return Map.ofEntries(
        entry("length", CollectionFunctions::length),
        entry("element", CollectionFunctions::element),
        entry("index", CollectionFunctions::index),
        entry("lookup", CollectionFunctions::lookup),
        entry("contains", CollectionFunctions::contains),
        entry("one", CollectionFunctions::onlyElement),
        entry("coalesce", CollectionFunctions::coalesce),
        entry("coalescelist", CollectionFunctions::coalescelist),
        entry("merge", CollectionFunctions::merge),
        entry("concat", CollectionFunctions::concat),
        entry("setunion", CollectionFunctions::setunion),
        entry("keys", CollectionFunctions::keys),
        entry("values", CollectionFunctions::values),
        entry("zipmap", CollectionFunctions::zipmap),
        entry("slice", CollectionFunctions::slice),
        entry("distinct", CollectionFunctions::distinct),
        entry("flatten", CollectionFunctions::flatten),
        entry("compact", CollectionFunctions::compact),
        entry("reverse", CollectionFunctions::reverse),
        entry("sort", CollectionFunctions::sort));
  }

  // ---- reading one element or a size ----

  private static Object length(List<Object> a) {
    need(a, 1, 1);
    Object o = a.get(0);
    if (o instanceof List<?> l) return BigDecimal.valueOf(l.size());
    if (o instanceof Map<?, ?> m) return BigDecimal.valueOf(m.size());
    if (o instanceof String s) return BigDecimal.valueOf(s.codePointCount(0, s.length()));
    return unknownIfRef(o, "length of a " + TfValues.typeName(o));
  }

  private static Object element(List<Object> a) {
    need(a, 2, 2);
    List<?> l = list(a.get(0));
    if (l == null) return unknownIfRef(a.get(0), "element needs a list");
    if (l.isEmpty()) return bad("element of an empty list");
    int i = integer(a.get(1));
    return l.get(Math.floorMod(i, l.size()));
  }

  private static Object index(List<Object> a) {
    need(a, 2, 2);
    List<?> l = list(a.get(0));
    if (l == null) return bad("index needs a list");
    for (int i = 0; i < l.size(); i++)
      if (TfValues.equal(l.get(i), a.get(1))) return BigDecimal.valueOf(i);
    return bad("index: element not found");
  }

  private static Object lookup(List<Object> a) {
    need(a, 2, 3);
    if (!(a.get(0) instanceof Map<?, ?> m)) return bad("lookup needs a map");
    // A key known only after apply picks a value known only after apply.
    Unknown unknownKey = Evaluator.unknownOf(a.get(1));
    if (unknownKey != null) return unknownKey;
    String k = TfValues.str(a.get(1));
    if (k == null) return bad("lookup key is not a string");
    if (m.containsKey(k)) return m.get(k);
    return a.size() == 3 ? a.get(2) : bad("lookup: no key " + k);
  }

  private static Object contains(List<Object> a) {
    need(a, 2, 2);
    List<?> l = list(a.get(0));
    if (l == null) return unknownIfRef(a.get(0), "contains needs a list");
    if (Evaluator.unknownOf(a.get(1)) != null) return Evaluator.unknownOf(a.get(1));
    for (Object o : l) {
      if (TfValues.equal(o, a.get(1))) return true;
      if (Evaluator.unknownOf(o) != null) return Evaluator.unknownOf(o);
    }
    return false;
  }

  private static Object onlyElement(List<Object> a) {
    List<?> l = list(one(a));
    if (l == null) return unknownIfRef(a.get(0), "one needs a list");
    if (l.size() > 1) return bad("one: more than one element");
    return l.isEmpty() ? null : l.get(0);
  }

  private static Object coalesce(List<Object> a) {
    for (Object o : a) {
      if (Evaluator.unknownOf(o) != null) return Evaluator.unknownOf(o);
      if (o != null && !"".equals(o)) return o;
    }
    return bad("coalesce: no non-null argument");
  }

  private static Object coalescelist(List<Object> a) {
    for (Object o : a) if (o instanceof List<?> l && !l.isEmpty()) return o;
    return List.of();
  }

  // ---- combining collections ----

  private static Object merge(List<Object> a) {
    Map<String, Object> out = new TreeMap<>();
    for (Object o : a) {
      if (o == null) continue;
      if (!(o instanceof Map<?, ?> m)) return unknownIfRef(o, "merge needs maps");
      m.forEach((k, v) -> out.put(String.valueOf(k), v));
    }
    return out;
  }

  private static Object concat(List<Object> a) {
    List<Object> out = new ArrayList<>();
    for (Object o : a) {
      if (!(o instanceof List<?> l)) return unknownIfRef(o, "concat needs lists");
      out.addAll(l);
      if (out.size() > MAX_ITEMS) return bad("list too long");
    }
    return out;
  }

  private static Object setunion(List<Object> a) {
    Set<Object> out = new LinkedHashSet<>();
    for (Object o : a) {
      List<?> l = list(o);
      if (l == null) return bad("setunion needs sets");
      out.addAll(l);
    }
    return new ArrayList<>(out);
  }

  @SuppressWarnings("unchecked")
  private static Object keys(List<Object> a) {
    need(a, 1, 1);
    if (!(a.get(0) instanceof Map<?, ?> m)) return unknownIfRef(a.get(0), "keys needs a map");
    return new ArrayList<>(new TreeMap<>((Map<String, Object>) m).keySet());
  }

  @SuppressWarnings("unchecked")
  private static Object values(List<Object> a) {
    need(a, 1, 1);
    if (!(a.get(0) instanceof Map<?, ?> m)) return unknownIfRef(a.get(0), "values needs a map");
    return new ArrayList<>(new TreeMap<>((Map<String, Object>) m).values());
  }

  private static Object zipmap(List<Object> a) {
    need(a, 2, 2);
    List<?> k = list(a.get(0));
    List<?> v = list(a.get(1));
    if (k == null || v == null) return bad("zipmap needs lists");
    if (k.size() != v.size()) return bad("zipmap lists differ in length");
    Map<String, Object> out = new TreeMap<>();
    for (int i = 0; i < k.size(); i++) {
      String key = TfValues.str(k.get(i));
      if (key == null) return unknownIfRef(k.get(i), "zipmap key is not a string");
      out.put(key, v.get(i));
    }
    return out;
  }

  // ---- reshaping one list ----

  private static Object slice(List<Object> a) {
    need(a, 3, 3);
    List<?> l = list(a.get(0));
    if (l == null) return unknownIfRef(a.get(0), "slice needs a list");
    int from = integer(a.get(1));
    int to = integer(a.get(2));
    if (from < 0 || to > l.size() || from > to) return bad("slice bounds out of range");
    return new ArrayList<>(l.subList(from, to));
  }

  private static Object distinct(List<Object> a) {
    need(a, 1, 1);
    List<?> l = list(a.get(0));
    if (l == null) return unknownIfRef(a.get(0), "distinct needs a list");
    List<Object> out = new ArrayList<>();
    for (Object o : l) if (out.stream().noneMatch(x -> TfValues.equal(x, o))) out.add(o);
    return out;
  }

  private static Object flatten(List<Object> a) {
    need(a, 1, 1);
    List<Object> out = new ArrayList<>();
    if (!(a.get(0) instanceof List<?> l)) return unknownIfRef(a.get(0), "flatten needs a list");
    flattenInto(l, out, 0);
    return out;
  }

  private static void flattenInto(List<?> l, List<Object> out, int depth) {
    if (depth > 32) throw new IllegalArgumentException("flatten nested too deeply");
    for (Object o : l) {
      if (o instanceof List<?> inner) flattenInto(inner, out, depth + 1);
      else out.add(o);
      if (out.size() > MAX_ITEMS) throw new IllegalArgumentException("list too long");
    }
  }

  private static Object compact(List<Object> a) {
    need(a, 1, 1);
    List<?> l = list(a.get(0));
    if (l == null) return unknownIfRef(a.get(0), "compact needs a list");
    List<Object> out = new ArrayList<>();
    for (Object o : l) if (o != null && !"".equals(o)) out.add(o);
    return out;
  }

  private static Object reverse(List<Object> a) {
    List<?> l = list(one(a));
    if (l == null) return bad("reverse needs a list");
    List<Object> out = new ArrayList<>(l);
    Collections.reverse(out);
    return out;
  }

  private static Object sort(List<Object> a) {
    List<?> l = list(one(a));
    if (l == null) return bad("sort needs a list");
    List<String> out = new ArrayList<>();
    for (Object o : l) out.add(str(o));
    out.sort(null);
    return new ArrayList<Object>(out);
  }
}

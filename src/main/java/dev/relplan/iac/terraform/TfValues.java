package dev.relplan.iac.terraform;

import dev.relplan.model.ResourceRef;
import dev.relplan.model.Unknown;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ScalarNode;
import dev.relplan.parse.SeqNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The special values of the evaluator and the conversions between Terraform types. */
final class TfValues {
  private TfValues() {}

  /** A resource instance as an object: reading an attribute yields a reference to it. */
  record ResObj(String scope, String address) {
    ResourceRef ref(String attribute) {
      return new ResourceRef(scope, address, attribute);
    }
  }

  /** A module instance as an object: reading an attribute evaluates that output. */
  record ModuleObj(ModuleInstance instance) {}

  /**
   * An evaluation error (a missing attribute, a bad index): {@code try} skips it, {@code can} is
   * false.
   */
  record Err(String message) {}

  /**
   * The result of {@code jsonencode} over a value that is not fully known (it contains resource
   * references): the structure is kept so that e.g. a redrive policy's target can still be
   * followed.
   */
  record JsonText(Object structure) {}

  /** True when the value is unknown or an error: operations on it produce it again. */
  static boolean isUnknown(Object v) {
    return v instanceof Unknown || v instanceof Err;
  }

  static Unknown asUnknown(Object v) {
    if (v instanceof Unknown u) return u;
    if (v instanceof Err e) return new Unknown(e.message());
    return null;
  }

  /** The first unknown or error inside a value (deep), or null. */
  static Object firstUnknown(Object v, int depth) {
    if (depth > 64) return new Unknown("value nested too deeply");
    if (isUnknown(v)) return v;
    if (v instanceof List<?> l)
      for (Object o : l) {
        Object u = firstUnknown(o, depth + 1);
        if (u != null) return u;
      }
    if (v instanceof Map<?, ?> m)
      for (Object o : m.values()) {
        Object u = firstUnknown(o, depth + 1);
        if (u != null) return u;
      }
    return null;
  }

  /** True when the value (deep) holds references or unknowns, so it cannot be rendered as text. */
  static boolean notRenderable(Object v, int depth) {
    if (depth > 64) return true;
    if (v instanceof ResourceRef
        || v instanceof ResObj
        || v instanceof ModuleObj
        || isUnknown(v)
        || v instanceof JsonText) return true;
    if (v instanceof List<?> l) for (Object o : l) if (notRenderable(o, depth + 1)) return true;
    if (v instanceof Map<?, ?> m)
      for (Object o : m.values()) if (notRenderable(o, depth + 1)) return true;
    return false;
  }

  /** Terraform's string conversion of a primitive, or null when the value is not a primitive. */
  static String str(Object v) {
    if (v instanceof String s) return s;
    if (v instanceof Boolean b) return b.toString();
    if (v instanceof BigDecimal d) return num(d);
    if (v instanceof Number n) return num(new BigDecimal(n.toString()));
    return null;
  }

  static String num(BigDecimal d) {
    BigDecimal s = d.stripTrailingZeros();
    if (s.scale() < 0) s = s.setScale(0);
    return s.toPlainString();
  }

  static BigDecimal number(Object v) {
    if (v instanceof BigDecimal d) return d;
    if (v instanceof Number n) return new BigDecimal(n.toString());
    if (v instanceof String s) {
      try {
        return new BigDecimal(s.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  static Boolean bool(Object v) {
    if (v instanceof Boolean b) return b;
    if ("true".equals(v)) return true;
    if ("false".equals(v)) return false;
    return null;
  }

  static String typeName(Object v) {
    if (v == null) return "null";
    if (v instanceof String) return "string";
    if (v instanceof BigDecimal) return "number";
    if (v instanceof Boolean) return "bool";
    if (v instanceof List) return "list";
    if (v instanceof Map) return "object";
    if (v instanceof ResourceRef || v instanceof ResObj) return "resource attribute";
    return v.getClass().getSimpleName();
  }

  /** Value equality with numbers compared by value. */
  static boolean equal(Object a, Object b) {
    if (a instanceof BigDecimal x && b instanceof BigDecimal y) return x.compareTo(y) == 0;
    if (a instanceof List<?> x && b instanceof List<?> y) {
      if (x.size() != y.size()) return false;
      for (int i = 0; i < x.size(); i++) if (!equal(x.get(i), y.get(i))) return false;
      return true;
    }
    if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
      if (!x.keySet().equals(y.keySet())) return false;
      for (Object k : x.keySet()) if (!equal(x.get(k), y.get(k))) return false;
      return true;
    }
    return java.util.Objects.equals(a, b);
  }

  /** JSON text of a fully known value. */
  static String json(Object v) {
    StringBuilder sb = new StringBuilder();
    json(v, sb, 0);
    return sb.toString();
  }

  private static void json(Object v, StringBuilder sb, int depth) {
    if (depth > 64) throw new IllegalArgumentException("too deep");
    FunctionArgs.fits(sb.length() + (v instanceof String s ? (long) s.length() + 2 : 16));
    if (v == null) sb.append("null");
    else if (v instanceof String s) quote(s, sb);
    else if (v instanceof Boolean || v instanceof BigDecimal) sb.append(str(v));
    else if (v instanceof List<?> l) {
      sb.append('[');
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) sb.append(',');
        json(l.get(i), sb, depth + 1);
      }
      sb.append(']');
    } else if (v instanceof Map<?, ?> m) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : new java.util.TreeMap<>(m).entrySet()) {
        if (!first) sb.append(',');
        first = false;
        quote(String.valueOf(e.getKey()), sb);
        sb.append(':');
        json(e.getValue(), sb, depth + 1);
      }
      sb.append('}');
    } else quote(String.valueOf(v), sb);
  }

  private static void quote(String s, StringBuilder sb) {
    sb.append('"');
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '<' -> sb.append("\\u003c");
        case '>' -> sb.append("\\u003e");
        case '&' -> sb.append("\\u0026");
        default -> {
          if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
          else sb.append(c);
        }
      }
    }
    sb.append('"');
  }

  /** Converts a parsed JSON/YAML node tree into evaluator values. */
  static Object fromNode(Node n, int depth) {
    if (depth > 64) return new Unknown("JSON nested too deeply");
    if (n instanceof MapNode m) {
      Map<String, Object> out = new java.util.TreeMap<>();
      for (var e : m.entries()) out.put(e.key(), fromNode(e.value(), depth + 1));
      return out;
    }
    if (n instanceof SeqNode s) {
      List<Object> out = new java.util.ArrayList<>();
      for (var i : s.items()) out.add(fromNode(i, depth + 1));
      return out;
    }
    if (n instanceof ScalarNode s) {
      if (s.text() == null) return null;
      String k = String.valueOf(s.kind());
      if (k.contains("BOOL")) return Boolean.valueOf(s.text());
      if (k.contains("NUM") || k.contains("INT") || k.contains("FLOAT")) {
        BigDecimal d = number(s.text());
        return d != null ? d : s.text();
      }
      if (k.contains("NULL")) return null;
      return s.text();
    }
    return null;
  }
}

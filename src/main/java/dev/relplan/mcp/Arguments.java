package dev.relplan.mcp;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A tool call's arguments, read by name with the type its input schema declares. */
final class Arguments {
  private final Map<String, Object> values;

  Arguments(Map<String, Object> values) {
    this.values = values == null ? Map.of() : values;
  }

  /** A string argument, or null when absent; a number given for it is read as its text. */
  String string(String name) {
    Object v = values.get(name);
    if (v == null) return null;
    if (v instanceof String s) return s;
    if (v instanceof Number n)
      return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
    throw new ToolError(name + " must be a string");
  }

  /** A string-array argument, empty when absent. */
  List<String> strings(String name) {
    Object v = values.get(name);
    if (v == null) return List.of();
    if (!(v instanceof List<?> list)) throw new ToolError(name + " must be an array of strings");
    List<String> out = new ArrayList<>();
    for (Object item : list) {
      if (!(item instanceof String s)) throw new ToolError(name + " must be an array of strings");
      out.add(s);
    }
    return out;
  }

  /** A whole-number argument, or the default when absent. */
  int integer(String name, int otherwise) {
    Object v = values.get(name);
    if (v == null) return otherwise;
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) return n.intValue();
    throw new ToolError(name + " must be a whole number");
  }

  /** A string-to-string object argument (Terraform variables), empty when absent. */
  Map<String, String> stringMap(String name) {
    Object v = values.get(name);
    if (v == null) return Map.of();
    if (!(v instanceof Map<?, ?> m)) throw new ToolError(name + " must be an object");
    Map<String, String> out = new java.util.TreeMap<>();
    m.forEach((k, val) -> out.put(String.valueOf(k), String.valueOf(val)));
    return out;
  }
}

package dev.relplan.iac.terraform;

import dev.relplan.parse.hcl.Expr;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Converts a variable's value to its declared type constraint, as Terraform does before the module
 * sees it: primitives from strings, collections element by element, and object attributes declared
 * with {@code optional(type, default)} filled in when the caller leaves them out.
 */
final class TypeConversion {
  private TypeConversion() {}

  static Object convert(Expr type, Object value, String what, ModuleInstance m, int depth) {
    if (value == null || TfValues.isUnknown(value) || depth > 32) return value;
    if (type instanceof Expr.Parens p) return convert(p.inner(), value, what, m, depth + 1);
    if (type instanceof Expr.ScopeTraversal t && t.steps().isEmpty()) {
      switch (t.root()) {
        case "number" -> {
          if (Evaluator.unknownOf(value) != null) return value;
          BigDecimal d = TfValues.number(value);
          return d == null ? new TfValues.Err(what + " expects a number, found " + value) : d;
        }
        case "bool" -> {
          if (Evaluator.unknownOf(value) != null) return value;
          Boolean b = TfValues.bool(value);
          return b == null ? new TfValues.Err(what + " expects a bool, found " + value) : b;
        }
        case "string" -> {
          String s = TfValues.str(value);
          return s == null ? value : s;
        }
        default -> {
          return value;
        }
      }
    }
    if (!(type instanceof Expr.FunctionCall f) || f.args().isEmpty()) return value;
    Expr arg = f.args().get(0);
    switch (f.name()) {
      case "list", "set" -> {
        if (!(value instanceof List<?> l)) return value;
        List<Object> out = new ArrayList<>();
        for (Object o : l) out.add(convert(arg, o, what, m, depth + 1));
        return out;
      }
      case "map" -> {
        if (!(value instanceof Map<?, ?> mp)) return value;
        Map<String, Object> out = new TreeMap<>();
        mp.forEach((k, o) -> out.put(String.valueOf(k), convert(arg, o, what, m, depth + 1)));
        return out;
      }
      case "optional" -> {
        return convert(arg, value, what, m, depth + 1);
      }
      case "object" -> {
        if (!(value instanceof Map<?, ?> mp) || !(arg instanceof Expr.ObjectCons attrs))
          return value;
        Map<String, Object> out = new TreeMap<>();
        mp.forEach((k, o) -> out.put(String.valueOf(k), o));
        for (Expr.ObjectItem item : attrs.items()) {
          String key = item.literalKey().orElse(null);
          if (key == null) continue;
          Expr attrType = item.value();
          if (out.get(key) != null) {
            out.put(key, convert(attrType, out.get(key), what + "." + key, m, depth + 1));
          } else if (attrType instanceof Expr.FunctionCall opt && opt.name().equals("optional")) {
            Object dflt = null;
            if (opt.args().size() > 1) dflt = m.eval(opt.args().get(1), Env.EMPTY).value();
            out.put(
                key,
                dflt == null
                    ? null
                    : convert(opt.args().get(0), dflt, what + "." + key, m, depth + 1));
          }
        }
        return out;
      }
      default -> {
        return value;
      }
    }
  }
}

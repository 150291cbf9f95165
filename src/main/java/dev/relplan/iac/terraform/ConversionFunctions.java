package dev.relplan.iac.terraform;

import static dev.relplan.iac.terraform.FunctionArgs.bad;
import static dev.relplan.iac.terraform.FunctionArgs.list;
import static dev.relplan.iac.terraform.FunctionArgs.need;
import static dev.relplan.iac.terraform.FunctionArgs.unknownIfRef;
import static java.util.Map.entry;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Terraform's type conversion functions; {@code sensitive} and {@code nonsensitive} pass their
 * value on.
 */
final class ConversionFunctions {
  private ConversionFunctions() {}

  static Map<String, HclFunction> table() {
    return Map.ofEntries(
        entry("tostring", ConversionFunctions::tostring),
        entry("tonumber", ConversionFunctions::tonumber),
        entry("tobool", ConversionFunctions::tobool),
        entry("tolist", ConversionFunctions::tolist),
        entry("toset", ConversionFunctions::toset),
        entry("tomap", ConversionFunctions::tomap),
        entry("sensitive", FunctionArgs::one),
        entry("nonsensitive", FunctionArgs::one));
  }

  private static Object tostring(List<Object> a) {
    need(a, 1, 1);
    if (a.get(0) == null) return null;
    String s = TfValues.str(a.get(0));
    return s == null ? bad("tostring of a " + TfValues.typeName(a.get(0))) : s;
  }

  private static Object tonumber(List<Object> a) {
    need(a, 1, 1);
    if (a.get(0) == null) return null;
    BigDecimal d = TfValues.number(a.get(0));
    return d == null ? bad("tonumber of " + a.get(0)) : d;
  }

  private static Object tobool(List<Object> a) {
    need(a, 1, 1);
    if (a.get(0) == null) return null;
    Boolean b = TfValues.bool(a.get(0));
    return b == null ? bad("tobool of " + a.get(0)) : b;
  }

  private static Object tolist(List<Object> a) {
    need(a, 1, 1);
    List<?> l = list(a.get(0));
    return l == null ? unknownIfRef(a.get(0), "tolist needs a list") : new ArrayList<>(l);
  }

  /** A set as a list without repeats, sorted when every element is a string. */
  private static Object toset(List<Object> a) {
    need(a, 1, 1);
    List<?> l = list(a.get(0));
    if (l == null) return unknownIfRef(a.get(0), "toset needs a list");
    List<Object> out = new ArrayList<>();
    for (Object o : l) if (out.stream().noneMatch(x -> TfValues.equal(x, o))) out.add(o);
    if (out.stream().allMatch(x -> x instanceof String))
      out.sort((x, y) -> ((String) x).compareTo((String) y));
    return out;
  }

  private static Object tomap(List<Object> a) {
    need(a, 1, 1);
    return a.get(0) instanceof Map ? a.get(0) : unknownIfRef(a.get(0), "tomap needs an object");
  }
}

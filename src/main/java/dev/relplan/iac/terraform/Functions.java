package dev.relplan.iac.terraform;

import dev.relplan.iac.common.Evaluated;
import dev.relplan.iac.terraform.TfValues.Err;
import dev.relplan.model.Unknown;
import dev.relplan.model.Zones;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Terraform's commonly used built-in functions; any other function evaluates to unknown. */
final class Functions {
  /** Functions whose arguments may hold values known only after apply: they pass them through. */
  private static final Set<String> PASS_THROUGH =
      Set.of(
          "jsonencode",
          "merge",
          "concat",
          "tolist",
          "toset",
          "tomap",
          "element",
          "lookup",
          "coalesce",
          "coalescelist",
          "flatten",
          "compact",
          "distinct",
          "slice",
          "values",
          "keys",
          "length",
          "one",
          "zipmap",
          "reverse",
          "contains");

  /** Longest slice of a list read from the cloud that is built element by element. */
  private static final int MAX_UNKNOWN_SLICE = 1000;

  /** Every function relplan evaluates, by name, grouped in Terraform's documentation families. */
  private static final Map<String, HclFunction> TABLE =
      table(
          CollectionFunctions.table(),
          StringFunctions.table(),
          NumericFunctions.table(),
          NetworkFunctions.table(),
          EncodingFunctions.table(),
          ConversionFunctions.table());

  private final Evaluator evaluator;

  Functions(Evaluator evaluator) {
    this.evaluator = evaluator;
  }

  @SafeVarargs
  private static Map<String, HclFunction> table(Map<String, HclFunction>... families) {
    Map<String, HclFunction> all = new HashMap<>();
    for (Map<String, HclFunction> family : families) {
      family.forEach(
          (name, function) -> {
            if (all.put(name, function) != null)
              throw new IllegalStateException("function " + name + " is registered twice");
          });
    }
    return Map.copyOf(all);
  }

  /** The names of the functions relplan evaluates. */
  static Set<String> names() {
    return TABLE.keySet();
  }

  Evaluated call(String name, List<Evaluated> args) {
    Evaluated all = Evaluated.combine(null, args);
    Object zones = knownWithoutTheList(name, args);
    if (zones != null) return all.with(zones);
    for (Evaluated a : args) {
      Object v = a.value();
      if (TfValues.isUnknown(v)) return all.with(v);
      if (!PASS_THROUGH.contains(name) && Evaluator.unknownOf(v) != null)
        return all.with(Evaluator.unknownOf(v));
    }
    try {
      for (Evaluated a : args) {
        if (a.value() instanceof List<?> l) evaluator.charge(l.size());
        else if (a.value() instanceof Map<?, ?> mp) evaluator.charge(mp.size());
      }
      if (evaluator.exhausted())
        return all.with(
            new Err("evaluation budget exhausted (the configuration computes too much)"));
      Object out = apply(name, args.stream().map(Evaluated::value).toList());
      if (out instanceof List<?> l) evaluator.charge(l.size());
      if (out instanceof String str && str.length() > Evaluator.MAX_STRING)
        out = new Err(name + "(): result too long");
      return all.with(out);
    } catch (ArithmeticException
        | IllegalArgumentException
        | IndexOutOfBoundsException
        | ClassCastException e) {
      return all.with(new Err(name + "(): " + e.getMessage()));
    }
  }

  private static Object apply(String name, List<Object> args) {
    HclFunction function = TABLE.get(name);
    if (function == null) return new Unknown("function " + name + "() is not evaluated by relplan");
    return function.apply(args);
  }

  /**
   * element/slice of an availability-zone list, or slice of a list read from the cloud: the result
   * is known (distinct zones; that many unknown elements) though the list is not. Null when neither
   * applies.
   */
  private static Object knownWithoutTheList(String name, List<Evaluated> args) {
    if (args.size() == 2
        && name.equals("element")
        && Zones.isZoneList(args.get(0).value())
        && TfValues.number(args.get(1).value()) != null
        && TfValues.number(args.get(1).value()).intValue() >= 0) {
      return Zones.zone(args.get(0).value(), TfValues.number(args.get(1).value()).intValue());
    }
    if (!name.equals("slice") || args.size() != 3) return null;
    Object list = args.get(0).value();
    BigDecimal from = TfValues.number(args.get(1).value());
    BigDecimal to = TfValues.number(args.get(2).value());
    boolean sized =
        from != null
            && to != null
            && to.intValue() - from.intValue() >= 0
            && to.intValue() - from.intValue() <= MAX_UNKNOWN_SLICE;
    if (Zones.isZoneList(list) && sized && from.intValue() >= 0) {
      List<Object> out = new ArrayList<>();
      for (int i = from.intValue(); i < to.intValue(); i++) out.add(Zones.zone(list, i));
      return out;
    }
    if (TfValues.isUnknown(list) && sized) {
      // slice(<list read from the cloud>, 0, 3): a successful plan has that many elements, each
      // unknown.
      List<Object> out = new ArrayList<>();
      for (int i = from.intValue(); i < to.intValue(); i++) out.add(list);
      return out;
    }
    return null;
  }
}

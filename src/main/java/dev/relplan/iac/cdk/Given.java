package dev.relplan.iac.cdk;

import dev.relplan.iac.common.Evaluated;
import dev.relplan.model.Unknown;
import dev.relplan.parse.javascript.JsFile;
import dev.relplan.parse.javascript.JsNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An object the app's entry point passes to a stack ({@code { stage: 'prod', config }}), its
 * members evaluated in the entry's file, so a stack read on another thread follows {@code
 * props.config.replicas} without reading that file; {@code spread} says why a member that is not
 * listed may still be set.
 */
record Given(Map<String, Evaluated> members, Unknown spread) {
  private static final int MAX_DEPTH = 6;

  /**
   * The value with every object literal in it evaluated member by member; objects made with {@code
   * new} in the entry are unknown (their arguments belong to the entry's file).
   */
  static Evaluated of(Expressions x, Evaluated e, int depth) {
    if (depth > MAX_DEPTH) return e.with(new Unknown("nested beyond " + MAX_DEPTH + " objects"));
    Object value = e.value();
    if (value instanceof Expressions.ObjectLiteral o) return e.with(object(x, o.node(), depth));
    if (value instanceof Expressions.Created c)
      return e.with(
          new Unknown(
              "an object made in the app's entry point ("
                  + Expressions.excerpt(c.node())
                  + ") is not followed"));
    if (value instanceof List<?> items) {
      List<Object> out = new ArrayList<>();
      for (Object item : items) out.add(of(x, Evaluated.of(item), depth + 1).value());
      return e.with(out);
    }
    return e;
  }

  private static Given object(Expressions x, JsNode literal, int depth) {
    JsFile.Options options = x.file().options(literal);
    Map<String, Evaluated> members = new LinkedHashMap<>();
    options.values.forEach(
        (key, value) -> {
          JsNode pair = value.parent != null && value.parent.is("pair") ? value.parent : value;
          members.put(key, of(x, x.eval(value).tracedFirst(List.of(x.at(pair))), depth + 1));
        });
    Unknown spread =
        options.complete()
            ? null
            : new Unknown(
                "the object the app passes is built with a spread of "
                    + Expressions.excerpt(options.unknown.get(0))
                    + ", which is not followed");
    return new Given(members, spread);
  }
}

package dev.relplan.iac.cdk;

import dev.relplan.iac.common.Evaluated;
import dev.relplan.model.ResourceRef;
import dev.relplan.model.Unknown;
import dev.relplan.model.Value;
import dev.relplan.parse.javascript.JsFile;
import dev.relplan.parse.javascript.JsNode;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A TypeScript construct's properties (the object literal passed to {@code new X(scope, id,
 * props)}, followed through names and spreads), read at dotted paths with the lines that decided
 * each value: the property line first, then the constants it came from.
 */
final class TsProps extends CdkProps {
  /** Why properties the app's entry point passes as one object are not read. */
  private static final Unknown PASSED_WHOLE =
      new Unknown("the properties are an object passed in whole from the app's entry point");

  /** How deep nested objects are searched for references. */
  private static final int MAX_NESTING = 4;

  private final Expressions x;

  /** The properties as written, or null when there are none. */
  private final JsFile.Options options;

  /** Why the properties cannot be read at all (passed in whole from elsewhere), or null. */
  private final Unknown unreadable;

  private TsProps(Expressions x, Location location, JsFile.Options options, Unknown unreadable) {
    super(location);
    this.x = x;
    this.options = options;
    this.unreadable = unreadable;
  }

  /** The properties an expression evaluates to (absent: none), declared at {@code location}. */
  static TsProps of(Expressions x, JsNode props, Location location) {
    if (props == null) return new TsProps(x, location, null, null);
    Evaluated e = x.eval(props);
    if (e.value() instanceof Expressions.ObjectLiteral o)
      return new TsProps(x, location, x.file().options(o.node()), null);
    if (e.value() == null) return new TsProps(x, location, null, null);
    Unknown why =
        e.value() instanceof Unknown u
            ? u
            : e.value() instanceof Given
                ? PASSED_WHOLE
                : new Unknown(
                    "the properties " + Expressions.excerpt(props) + " are not an object");
    return new TsProps(x, location, null, why);
  }

  @Override
  protected Written written(String path) {
    Found f = lookup(path);
    return f == null ? null : new Written(f.keyLine, () -> x.eval(f.value));
  }

  @Override
  protected Unknown unreadable() {
    return unreadable;
  }

  @Override
  public Set<ResourceRef> allRefs() {
    Set<ResourceRef> out = new LinkedHashSet<>();
    if (options != null) addRefs(options, out, 0);
    return out;
  }

  /** References anywhere in the properties, nested objects included ({@code environment}). */
  private void addRefs(JsFile.Options written, Set<ResourceRef> out, int depth) {
    for (JsNode v : written.values.values()) {
      Evaluated e = x.eval(v);
      out.addAll(e.refs());
      if (e.value() instanceof Expressions.ObjectLiteral o && depth < MAX_NESTING)
        addRefs(x.file().options(o.node()), out, depth + 1);
    }
  }

  @Override
  public List<CdkProps> nested(String path) {
    Value<Object> v = raw(path);
    List<CdkProps> out = new ArrayList<>();
    if (!v.present()) return out;
    List<Object> items = v.get() instanceof List<?> l ? new ArrayList<>(l) : List.of(v.get());
    for (Object item : items)
      if (item instanceof Expressions.ObjectLiteral o)
        out.add(new TsProps(x, x.at(o.node()), x.file().options(o.node()), null));
    return out;
  }

  @Override
  protected CdkProps emptyAt(Location at, Unknown why) {
    return new TsProps(x, at, null, why);
  }

  @Override
  JsNode node(String path) {
    Found f = lookup(path);
    return f == null ? null : f.value;
  }

  @Override
  Expressions expressions() {
    return x;
  }

  private record Found(JsNode value, Location keyLine) {}

  /** The expression at a dotted path through nested object literals, or null when absent. */
  private Found lookup(String path) {
    if (options == null) return null;
    String[] keys = path.split("\\.");
    JsFile.Options current = options;
    Found found = null;
    for (int i = 0; i < keys.length; i++) {
      JsNode value = current.get(keys[i]);
      if (value == null) return null;
      JsNode pair = value.parent != null && value.parent.is("pair") ? value.parent : value;
      found = new Found(value, x.at(pair));
      if (i == keys.length - 1) break;
      Evaluated inner = x.eval(value);
      if (!(inner.value() instanceof Expressions.ObjectLiteral o)) return null;
      current = x.file().options(o.node());
    }
    return found;
  }

  @Override
  protected Unknown partial(String path) {
    if (options == null) return null;
    if (!options.complete())
      return new Unknown(
          "the properties are built with a spread of "
              + Expressions.excerpt(options.unknown.get(0))
              + ", which is not followed");
    String first = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
    JsNode value = options.get(first);
    if (value == null || !path.contains(".")) return null;
    Evaluated e = x.eval(value);
    if (e.value() instanceof Given) return PASSED_WHOLE;
    return e.value() instanceof Unknown u ? u : null;
  }
}

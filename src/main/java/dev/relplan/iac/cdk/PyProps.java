package dev.relplan.iac.cdk;

import dev.relplan.iac.common.Evaluated;
import dev.relplan.model.ResourceRef;
import dev.relplan.model.Unknown;
import dev.relplan.model.Value;
import dev.relplan.parse.python.PyNode;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A Python construct's properties: the keyword arguments of {@code rds.DatabaseInstance(self, "Db",
 * multi_az=True, …)}, named in snake_case and read under the construct library's camelCase names
 * ({@code multiAz}) so the mappers are the TypeScript ones; nested properties are structs ({@code
 * sqs.DeadLetterQueue(max_receive_count=3, …)}) or dictionaries with snake_case keys.
 */
final class PyProps extends CdkProps {
  private final PyExpressions x;

  /** The keywords as written, or null when there are none. */
  private final PyExpressions.Options options;

  /** Why the properties cannot be read at all, or null. */
  private final Unknown unreadable;

  private PyProps(
      PyExpressions x, Location location, PyExpressions.Options options, Unknown unreadable) {
    super(location);
    this.x = x;
    this.options = options;
    this.unreadable = unreadable;
  }

  /** The keyword arguments of a call (a construct or a struct), declared at {@code location}. */
  static PyProps of(PyExpressions x, PyNode call, Location location) {
    return new PyProps(x, location, x.options(call), null);
  }

  /** {@code max_receive_count} is {@code maxReceiveCount}; a camelCase name stays as it is. */
  static String camelCase(String snake) {
    StringBuilder out = new StringBuilder(snake.length());
    boolean upper = false;
    for (int i = 0; i < snake.length(); i++) {
      char c = snake.charAt(i);
      if (c == '_' && out.length() > 0) {
        upper = true;
        continue;
      }
      out.append(upper ? Character.toUpperCase(c) : c);
      upper = false;
    }
    return out.toString();
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
    if (options != null)
      for (PyExpressions.Keyword k : options.values.values()) out.addAll(x.eval(k.value()).refs());
    return out;
  }

  @Override
  public List<CdkProps> nested(String path) {
    Value<Object> v = raw(path);
    List<CdkProps> out = new ArrayList<>();
    if (!v.present()) return out;
    List<Object> items = v.get() instanceof List<?> l ? new ArrayList<>(l) : List.of(v.get());
    for (Object item : items)
      if (item instanceof PyExpressions.Keywords k)
        out.add(new PyProps(x, x.at(k.node()), x.options(k.node()), null));
    return out;
  }

  @Override
  protected CdkProps emptyAt(Location at, Unknown why) {
    return new PyProps(x, at, null, why);
  }

  private record Found(PyNode value, Location keyLine) {}

  /** The expression at a dotted path through nested keywords, or null when absent. */
  private Found lookup(String path) {
    if (options == null) return null;
    String[] keys = path.split("\\.");
    PyExpressions.Options current = options;
    Found found = null;
    for (int i = 0; i < keys.length; i++) {
      PyExpressions.Keyword k = current.get(keys[i]);
      if (k == null) return null;
      found = new Found(k.value(), x.at(k.line()));
      if (i == keys.length - 1) break;
      Evaluated inner = x.eval(k.value());
      if (!(inner.value() instanceof PyExpressions.Keywords o)) return null;
      current = x.options(o.node());
    }
    return found;
  }

  @Override
  protected Unknown partial(String path) {
    if (options == null) return null;
    if (!options.complete())
      return new Unknown(
          "the properties are built with "
              + PyExpressions.excerpt(options.unknown.get(0))
              + ", which is not followed");
    String first = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
    PyExpressions.Keyword k = options.get(first);
    if (k == null || !path.contains(".")) return null;
    Evaluated e = x.eval(k.value());
    return e.value() instanceof Unknown u ? u : null;
  }
}

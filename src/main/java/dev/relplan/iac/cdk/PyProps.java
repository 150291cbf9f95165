package dev.relplan.iac.cdk;

import dev.relplan.iac.common.Evaluated;
import dev.relplan.model.ResourceRef;
import dev.relplan.model.Unknown;
import dev.relplan.parse.python.PyNode;
import dev.relplan.source.Location;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A Python construct's properties: the keyword arguments of {@code rds.DatabaseInstance(self, "Db",
 * multi_az=True, …)}, named in snake_case and read under the construct library's camelCase names
 * ({@code multiAz}) so the mappers are the TypeScript ones; nested properties are structs ({@code
 * sqs.DeadLetterQueue(max_receive_count=3, …)}) or dictionaries with snake_case keys.
 */
final class PyProps extends WrittenProps<PyNode, PyExpressions.Options> {
  private final PyExpressions x;

  private PyProps(
      PyExpressions x, Location location, PyExpressions.Options options, Unknown unreadable) {
    super(location, options, unreadable);
    this.x = x;
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
  public Set<ResourceRef> allRefs() {
    Set<ResourceRef> out = new LinkedHashSet<>();
    if (options != null)
      for (PyExpressions.Keyword k : options.values.values()) out.addAll(x.eval(k.value()).refs());
    return out;
  }

  @Override
  protected Named<PyNode> named(PyExpressions.Options written, String name) {
    PyExpressions.Keyword k = written.get(name);
    return k == null ? null : new Named<>(k.value(), x.at(k.line()));
  }

  @Override
  protected Evaluated eval(PyNode value) {
    return x.eval(value);
  }

  @Override
  protected PyExpressions.Options nestedOptions(Object evaluated) {
    return evaluated instanceof PyExpressions.Keywords k ? x.options(k.node()) : null;
  }

  @Override
  protected Location nestedAt(Object evaluated) {
    return x.at(((PyExpressions.Keywords) evaluated).node());
  }

  @Override
  protected String unfollowed(PyExpressions.Options written) {
    return written.complete() ? null : PyExpressions.excerpt(written.unknown.get(0));
  }

  @Override
  protected CdkProps make(Location at, PyExpressions.Options written, Unknown why) {
    return new PyProps(x, at, written, why);
  }
}

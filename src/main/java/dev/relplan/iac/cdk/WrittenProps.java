package dev.relplan.iac.cdk;

import dev.relplan.iac.common.Evaluated;
import dev.relplan.model.Unknown;
import dev.relplan.model.Value;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;

/**
 * Properties written in an app's source as named values that may nest (a TypeScript object literal,
 * Python keyword arguments, a Java builder's setters). Reading a dotted path, what leaves a path
 * unknown and the nested properties are the same in every language; a language says how a name is
 * found and evaluated, and when a value is itself properties.
 *
 * @param <E> the language's expression node
 * @param <O> the language's written names (its options)
 */
abstract class WrittenProps<E, O> extends CdkProps {
  /** A value written under a name: its expression and the line of the name. */
  protected record Named<E>(E value, Location line) {}

  /** The names as written, or null when there are none. */
  protected final O options;

  /** Why the properties cannot be read at all, or null. */
  private final Unknown unreadable;

  protected WrittenProps(Location location, O options, Unknown unreadable) {
    super(location);
    this.options = options;
    this.unreadable = unreadable;
  }

  /** The value written under a name, or null when it is not written. */
  protected abstract Named<E> named(O written, String name);

  protected abstract Evaluated eval(E value);

  /** The written names of an evaluated value that is itself properties, else null. */
  protected abstract O nestedOptions(Object evaluated);

  /** Where an evaluated value that is itself properties is written. */
  protected abstract Location nestedAt(Object evaluated);

  /**
   * What the names are built with that is not followed (a spread, a splat, an unread call), worded
   * after "built with", or null when every name is known.
   */
  protected abstract String unfollowed(O written);

  /** Properties of the same language declared at a line. */
  protected abstract CdkProps make(Location at, O written, Unknown why);

  /** Why a written value leaves the paths under it unknown, or null. */
  protected Unknown unknownUnder(Evaluated e) {
    return e.value() instanceof Unknown u ? u : null;
  }

  @Override
  protected final Written written(String path) {
    Named<E> n = lookup(path);
    return n == null ? null : new Written(n.line(), () -> eval(n.value()));
  }

  @Override
  protected final Unknown unreadable() {
    return unreadable;
  }

  @Override
  protected final CdkProps emptyAt(Location at, Unknown why) {
    return make(at, null, why);
  }

  @Override
  public final List<CdkProps> nested(String path) {
    Value<Object> v = raw(path);
    List<CdkProps> out = new ArrayList<>();
    if (!v.present()) return out;
    List<Object> items = v.get() instanceof List<?> l ? new ArrayList<>(l) : List.of(v.get());
    for (Object item : items) {
      O inner = nestedOptions(item);
      if (inner != null) out.add(make(nestedAt(item), inner, null));
    }
    return out;
  }

  /** The value at a dotted path through nested properties, or null when absent. */
  protected final Named<E> lookup(String path) {
    if (options == null) return null;
    String[] keys = path.split("\\.");
    O current = options;
    Named<E> found = null;
    for (int i = 0; i < keys.length; i++) {
      found = named(current, keys[i]);
      if (found == null) return null;
      if (i == keys.length - 1) break;
      current = nestedOptions(eval(found.value()).value());
      if (current == null) return null;
    }
    return found;
  }

  @Override
  protected final Unknown partial(String path) {
    if (options == null) return null;
    String notFollowed = unfollowed(options);
    if (notFollowed != null)
      return new Unknown(
          "the properties are built with " + notFollowed + ", which is not followed");
    String first = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
    Named<E> n = named(options, first);
    if (n == null || !path.contains(".")) return null;
    return unknownUnder(eval(n.value()));
  }
}

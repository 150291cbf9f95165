package dev.relplan.iac.cdk;

import dev.relplan.iac.common.Evaluated;
import dev.relplan.model.ResourceRef;
import dev.relplan.model.Unknown;
import dev.relplan.parse.javascript.JsFile;
import dev.relplan.parse.javascript.JsNode;
import dev.relplan.source.Location;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A TypeScript construct's properties (the object literal passed to {@code new X(scope, id,
 * props)}, followed through names and spreads), read at dotted paths with the lines that decided
 * each value: the property line first, then the constants it came from.
 */
final class TsProps extends WrittenProps<JsNode, JsFile.Options> {
  /** Why properties the app's entry point passes as one object are not read. */
  private static final Unknown PASSED_WHOLE =
      new Unknown("the properties are an object passed in whole from the app's entry point");

  /** How deep nested objects are searched for references. */
  private static final int MAX_NESTING = 4;

  private final Expressions x;

  private TsProps(Expressions x, Location location, JsFile.Options options, Unknown unreadable) {
    super(location, options, unreadable);
    this.x = x;
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
  JsNode node(String path) {
    Named<JsNode> n = lookup(path);
    return n == null ? null : n.value();
  }

  @Override
  Expressions expressions() {
    return x;
  }

  @Override
  protected Named<JsNode> named(JsFile.Options written, String name) {
    JsNode value = written.get(name);
    if (value == null) return null;
    JsNode pair = value.parent != null && value.parent.is("pair") ? value.parent : value;
    return new Named<>(value, x.at(pair));
  }

  @Override
  protected Evaluated eval(JsNode value) {
    return x.eval(value);
  }

  @Override
  protected JsFile.Options nestedOptions(Object evaluated) {
    return evaluated instanceof Expressions.ObjectLiteral o ? x.file().options(o.node()) : null;
  }

  @Override
  protected Location nestedAt(Object evaluated) {
    return x.at(((Expressions.ObjectLiteral) evaluated).node());
  }

  @Override
  protected String unfollowed(JsFile.Options written) {
    return written.complete() ? null : "a spread of " + Expressions.excerpt(written.unknown.get(0));
  }

  /** An object the app's entry point passes in whole leaves the paths under it unknown too. */
  @Override
  protected Unknown unknownUnder(Evaluated e) {
    return e.value() instanceof Given ? PASSED_WHOLE : super.unknownUnder(e);
  }

  @Override
  protected CdkProps make(Location at, JsFile.Options written, Unknown why) {
    return new TsProps(x, at, written, why);
  }
}

package dev.relplan.iac.serverless;

import dev.relplan.iac.common.TypedSettings;
import dev.relplan.model.ResourceRef;
import dev.relplan.model.Unknown;
import dev.relplan.model.Value;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ScalarNode;
import dev.relplan.parse.SeqNode;
import dev.relplan.source.Location;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed, located reading of one block of a serverless.yml whose variables are already resolved
 * ({@link Variables}): a value a variable supplied is located where it was written (a {@code
 * custom} or {@code params} line), so its trace is the key's line, then that line. CloudFormation
 * references written in the file ({@code Ref}, {@code Fn::GetAtt}, their short forms) are
 * references to resources of the service's stack; other intrinsic functions are computed by
 * CloudFormation at deploy time.
 */
final class Settings extends TypedSettings<Settings> {
  private final MapNode map;
  private final String scope;

  Settings(MapNode map, String scope) {
    this.map = map;
    this.scope = scope;
  }

  /** Settings of an absent block: every path is absent. */
  static Settings empty(Location at, String scope) {
    return new Settings(new MapNode(at, null, List.of()), scope);
  }

  MapNode map() {
    return map;
  }

  /** The settings of the block at a path, or empty settings located at this block. */
  Settings child(String path) {
    return node(path) instanceof MapNode m ? new Settings(m, scope) : empty(location(), scope);
  }

  Node node(String path) {
    MapNode.Entry e = entry(path);
    return e == null ? null : e.value();
  }

  MapNode.Entry entry(String path) {
    MapNode at = map;
    String[] parts = path.split("\\.");
    for (int i = 0; i < parts.length; i++) {
      MapNode.Entry e = at.entry(parts[i]);
      if (e == null) return null;
      if (i == parts.length - 1) return e;
      if (!(e.value() instanceof MapNode m)) return null;
      at = m;
    }
    return null;
  }

  @Override
  public boolean has(String path) {
    MapNode.Entry e = entry(path);
    return e != null && !(e.value() instanceof ScalarNode s && s.isNull());
  }

  @Override
  public Location keyLocation(String path) {
    MapNode.Entry e = entry(path);
    return e == null ? map.location() : e.keyLocation();
  }

  @Override
  public Location location() {
    return map.location();
  }

  @Override
  public Value<Object> raw(String path) {
    MapNode.Entry e = entry(path);
    if (e == null || e.value() instanceof ScalarNode s && s.isNull()) return Value.absent();
    return located(e.keyLocation(), e.value());
  }

  /** The value of a node, traced to the key that holds it and, when elsewhere, to the node. */
  Value<Object> located(Location key, Node value) {
    List<Location> trace = new ArrayList<>(List.of(key));
    if (value.location() != null && !value.location().equals(key)) trace.add(value.location());
    Object v = valueOf(value);
    if (v instanceof Unknown u) return Value.unresolved(u.reason(), trace);
    return Value.explicit(v, trace);
  }

  /** A node as a plain value: text, number, boolean, list, map, reference or unknown. */
  Object valueOf(Node n) {
    if (n instanceof ScalarNode s) return scalar(s);
    if (n instanceof SeqNode seq) {
      List<Object> out = new ArrayList<>();
      for (Node i : seq.items()) out.add(valueOf(i));
      return out;
    }
    MapNode m = (MapNode) n;
    String single = m.singleKey();
    if (single != null && (single.equals("Ref") || single.startsWith("Fn::")))
      return intrinsic(single, m.get(single));
    Map<String, Object> out = new LinkedHashMap<>();
    for (MapNode.Entry e : m.entries()) out.put(e.key(), valueOf(e.value()));
    return out;
  }

  private Object scalar(ScalarNode s) {
    if (Variables.UNRESOLVED.equals(s.tag())) return new Unknown(s.text());
    if (s.tag() != null && s.tag().startsWith("!") && !s.tag().startsWith("!!"))
      return intrinsic(shortForm(s.tag()), s);
    return switch (s.kind()) {
      case NULL -> null;
      case NUMBER -> decimal(s.text());
      case BOOLEAN -> Boolean.valueOf(s.text().toLowerCase(java.util.Locale.ROOT));
      default -> s.text();
    };
  }

  private static Object decimal(String text) {
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      return text;
    }
  }

  private static String shortForm(String tag) {
    String name = tag.substring(1);
    return name.equals("Ref") ? "Ref" : "Fn::" + name;
  }

  /** Ref and Fn::GetAtt name a resource of the stack; other functions are deploy-time values. */
  private Object intrinsic(String name, Node arg) {
    if (name.equals("Ref") && arg instanceof ScalarNode s && s.text() != null)
      return s.text().startsWith("AWS::")
          ? new Unknown("pseudo parameter " + s.text() + " is known at deploy time")
          : new ResourceRef(scope, s.text(), null);
    if (name.equals("Fn::GetAtt")) {
      List<String> parts = getAttParts(arg);
      if (parts.size() == 2) return new ResourceRef(scope, parts.get(0), parts.get(1));
    }
    return new Unknown(name + " is evaluated by CloudFormation at deploy time");
  }

  private static List<String> getAttParts(Node arg) {
    if (arg instanceof ScalarNode s && s.text() != null && s.text().contains("."))
      return List.of(
          s.text().substring(0, s.text().indexOf('.')),
          s.text().substring(s.text().indexOf('.') + 1));
    List<String> out = new ArrayList<>();
    if (arg instanceof SeqNode seq)
      for (Node i : seq.items())
        if (i instanceof ScalarNode s && s.text() != null) out.add(s.text());
    return out;
  }

  @Override
  public Set<ResourceRef> refs(String path) {
    Set<ResourceRef> out = new LinkedHashSet<>();
    Node n = node(path);
    if (n != null) collectRefs(n, out);
    return out;
  }

  @Override
  public Set<ResourceRef> allRefs() {
    Set<ResourceRef> out = new LinkedHashSet<>();
    collectRefs(map, out);
    return out;
  }

  private void collectRefs(Node n, Set<ResourceRef> out) {
    Object v =
        n instanceof ScalarNode || n instanceof MapNode m && isIntrinsic(m) ? valueOf(n) : null;
    if (v instanceof ResourceRef r) {
      out.add(r);
      return;
    }
    if (n instanceof MapNode m) for (MapNode.Entry e : m.entries()) collectRefs(e.value(), out);
    if (n instanceof SeqNode s) for (Node i : s.items()) collectRefs(i, out);
  }

  private static boolean isIntrinsic(MapNode m) {
    String k = m.singleKey();
    return k != null && (k.equals("Ref") || k.equals("Fn::GetAtt"));
  }

  @Override
  public List<Settings> nested(String path) {
    Node n = node(path);
    List<Settings> out = new ArrayList<>();
    if (n instanceof MapNode m) out.add(new Settings(m, scope));
    if (n instanceof SeqNode s)
      for (Node i : s.items()) if (i instanceof MapNode m) out.add(new Settings(m, scope));
    return out;
  }

  @Override
  protected String knownOnlyLater(ResourceRef ref) {
    return ref + " is known only once CloudFormation creates it";
  }

  @Override
  protected String asText(Object value) {
    if (value instanceof String s) return s;
    if (value instanceof BigDecimal d) return d.toPlainString();
    if (value instanceof Boolean b) return b.toString();
    return null;
  }

  @Override
  protected BigDecimal asDecimal(Object value) {
    if (value instanceof BigDecimal d) return d;
    if (value instanceof String s) {
      try {
        return new BigDecimal(s.strip());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  @Override
  protected Boolean asBoolean(Object value) {
    if (value instanceof Boolean b) return b;
    if ("true".equalsIgnoreCase(String.valueOf(value))) return true;
    if ("false".equalsIgnoreCase(String.valueOf(value))) return false;
    return null;
  }
}

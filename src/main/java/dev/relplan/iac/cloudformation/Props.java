package dev.relplan.iac.cloudformation;

import dev.relplan.iac.common.Evaluated;
import dev.relplan.iac.common.TypedSettings;
import dev.relplan.model.ResourceRef;
import dev.relplan.model.Unknown;
import dev.relplan.model.Value;
import dev.relplan.model.Zones;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.SeqNode;
import dev.relplan.source.Location;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed, located access to a resource's properties. Paths walk the property tree through Fn::If;
 * the result carries the line of the deciding key and where its value came from. Several roots may
 * be layered (a SAM resource over its Globals): the first root that sets a path wins.
 */
final class Props extends TypedSettings<Props> {
  private final Template template;
  private final List<MapNode> roots;

  Props(Template template, List<MapNode> roots) {
    this.template = template;
    this.roots = roots;
  }

  Props(Template template, MapNode root) {
    this(template, root == null ? List.of() : List.of(root));
  }

  Template template() {
    return template;
  }

  /** A nested map as its own property set (e.g. one element of a list of targets). */
  Props child(MapNode node) {
    return new Props(template, node);
  }

  /** Where these properties are declared: the (first) map they are read from. */
  @Override
  public Location location() {
    return roots.isEmpty() ? null : roots.get(0).location();
  }

  /** The elements of a list property that are maps, each as its own property set. */
  @Override
  public List<Props> nested(String path) {
    return maps(path).stream().map(this::child).toList();
  }

  /** Where a path lands: the located node, or unresolved, or absent. */
  private record Found(
      Node node, Evaluated computed, Location keyLocation, List<Location> trace, Unknown unknown) {
    Found(Node node, Location keyLocation, List<Location> trace, Unknown unknown) {
      this(node, null, keyLocation, trace, unknown);
    }
  }

  /**
   * A path that a root sets to AWS::NoValue: removed there, and not taken from a later root either.
   */
  private static final Found REMOVED = new Found(null, null, List.of(), null);

  private Found find(String path) {
    for (MapNode root : roots) {
      Found f = find(root, path.split("\\."));
      // SAM merges Globals before CloudFormation resolves intrinsics, and treats an intrinsic like
      // a plain value:
      // a resource's own Fn::If / Ref AWS::NoValue replaces the global value, so AWS::NoValue
      // removes the property.
      if (f == REMOVED) return null;
      if (f != null) return f;
    }
    return null;
  }

  private Found find(MapNode root, String[] keys) {
    Node cur = root;
    Location keyLoc = root.location();
    List<Location> trace = new ArrayList<>();
    for (String key : keys) {
      Template.Selected sel = template.select(cur);
      trace.addAll(sel.trace());
      if (sel.unknown() != null) return new Found(null, keyLoc, trace, sel.unknown());
      if (!(sel.node() instanceof MapNode m) || Template.intrinsicName(m) != null) {
        if (sel.node() == null) return cur == root ? null : REMOVED;
        // A computed map (e.g. from Fn::FindInMap): evaluate and read the key from the value.
        Evaluated e = template.eval(sel.node());
        if (e.value() instanceof Map<?, ?> map) {
          if (!map.containsKey(key)) return null;
          return computed(map.get(key), keyLoc, trace, e);
        }
        if (e.value() instanceof Unknown u) return new Found(null, keyLoc, trace, u);
        return null;
      }
      MapNode.Entry entry = m.entry(key);
      if (entry == null) return null;
      keyLoc = entry.keyLocation();
      cur = entry.value();
    }
    Template.Selected sel = template.select(cur);
    trace.addAll(sel.trace());
    if (sel.unknown() != null) return new Found(null, keyLoc, trace, sel.unknown());
    if (sel.node() == null) return REMOVED; // AWS::NoValue: as if absent
    return new Found(sel.node(), keyLoc, trace, null);
  }

  private Found computed(Object value, Location keyLoc, List<Location> trace, Evaluated from) {
    List<Location> t = new ArrayList<>(trace);
    t.addAll(from.trace());
    return value instanceof Unknown u
        ? new Found(null, keyLoc, t, u)
        : new Found(null, new Evaluated(value, from.trace(), from.refs()), keyLoc, t, null);
  }

  @Override
  public boolean has(String path) {
    return find(path) != null;
  }

  /** The located node at a path (after Fn::If), or null. */
  Node node(String path) {
    Found f = find(path);
    return f == null ? null : f.node;
  }

  @Override
  public Location keyLocation(String path) {
    Found f = find(path);
    return f == null ? null : f.keyLocation;
  }

  /** The evaluated value at a path: absent, unresolved, or explicit with its trace. */
  @Override
  public Value<Object> raw(String path) {
    Found f = find(path);
    if (f == null) return Value.absent();
    List<Location> trace = new ArrayList<>();
    trace.add(f.keyLocation);
    trace.addAll(f.trace);
    if (f.unknown != null) return Value.unresolved(f.unknown.reason(), trace);
    if (f.node == null && f.computed == null) return Value.absent();
    Evaluated e = f.computed != null ? f.computed : template.eval(f.node);
    for (Location l : e.trace()) if (!trace.contains(l)) trace.add(l);
    if (e.value() == Template.NO_VALUE || e.value() == null) return Value.absent();
    if (e.value() instanceof Unknown u) return Value.unresolved(u.reason(), trace);
    return Value.explicit(e.value(), trace);
  }

  /**
   * Resources referenced anywhere in the value at a path, even when the value itself is unknown.
   */
  @Override
  public Set<ResourceRef> refs(String path) {
    Found f = find(path);
    if (f == null) return Set.of();
    if (f.computed != null) return f.computed.refs();
    return f.node == null ? Set.of() : template.eval(f.node).refs();
  }

  @Override
  public Set<ResourceRef> allRefs() {
    Set<ResourceRef> out = new LinkedHashSet<>();
    for (MapNode root : roots) out.addAll(template.eval(root).refs());
    return out;
  }

  @Override
  protected String knownOnlyLater(ResourceRef ref) {
    return "value of " + ref + " is known only after deployment";
  }

  @Override
  protected String asText(Object v) {
    return v instanceof String s
        ? s
        : v instanceof Boolean || v instanceof Number ? String.valueOf(v) : null;
  }

  @Override
  protected BigDecimal asDecimal(Object v) {
    try {
      return new BigDecimal(String.valueOf(v).trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** CloudFormation passes number properties on as text that the service parses as a double. */
  @Override
  protected Double asDouble(Object v) {
    try {
      return Double.parseDouble(String.valueOf(v).trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  @Override
  protected Boolean asBoolean(Object v) {
    return Template.asBoolean(v) instanceof Boolean b ? b : null;
  }

  /**
   * A list; a single value is treated as a one-element list, Fn::GetAZs as every zone of the
   * Region.
   */
  @Override
  protected List<Object> asList(Object v) {
    return v instanceof AzList ? List.of(Zones.ALL_IN_REGION) : super.asList(v);
  }

  /** The located map nodes of a list property (after Fn::If on the list and each element). */
  List<MapNode> maps(String path) {
    List<MapNode> out = new ArrayList<>();
    Node n = node(path);
    if (n instanceof SeqNode seq) {
      for (Node item : seq.items()) {
        Template.Selected sel = template.select(item);
        if (sel.node() instanceof MapNode m && Template.intrinsicName(m) == null) out.add(m);
      }
    } else if (n instanceof MapNode m && Template.intrinsicName(m) == null) {
      out.add(m);
    }
    return out;
  }

  /** The located entries of a map property, e.g. SAM Events. */
  List<MapNode.Entry> entries(String path) {
    Node n = node(path);
    return n instanceof MapNode m && Template.intrinsicName(m) == null ? m.entries() : List.of();
  }
}

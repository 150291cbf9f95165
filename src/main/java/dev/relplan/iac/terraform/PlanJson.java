package dev.relplan.iac.terraform;

import dev.relplan.discover.SourceFile;
import dev.relplan.model.ResourceRef;
import dev.relplan.model.Unknown;
import dev.relplan.parse.JsonLoader;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ParseException;
import dev.relplan.parse.ScalarNode;
import dev.relplan.parse.SeqNode;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Terraform plan or state in JSON ({@code terraform show -json}): fully known values per resource
 * instance address. References between resources are recovered from known ids and ARNs, and, for
 * values known only after apply, from the plan's configuration section.
 */
final class PlanJson {
  /** One managed resource instance of the plan. */
  record Instance(
      String address,
      String type,
      String modulePath,
      Object index,
      Map<String, Object> values,
      Location location) {}

  final SourceFile file;
  final List<Instance> instances = new ArrayList<>();

  private PlanJson(SourceFile file) {
    this.file = file;
  }

  /** True for the JSON output of {@code terraform show -json} (a plan or a state). */
  static boolean isPlan(Node doc) {
    return doc instanceof MapNode m
        && m.get("format_version") != null
        && m.get("terraform_version") != null
        && (m.get("planned_values") instanceof MapNode || m.get("values") instanceof MapNode);
  }

  static PlanJson read(SourceFile f, String scope, String label) {
    PlanJson p = new PlanJson(f);
    MapNode doc = (MapNode) f.document();
    MapNode values =
        doc.get("planned_values") instanceof MapNode pv ? pv : (MapNode) doc.get("values");
    List<RawInstance> raw = new ArrayList<>();
    if (values.get("root_module") instanceof MapNode root) collect(root, "", raw, 0);
    raw.replaceAll(
        r ->
            new RawInstance(
                label + r.address, r.type, r.modulePath, r.index, r.values, r.location));
    Map<String, Map<String, Object>> afterUnknown = afterUnknown(doc);
    Map<String, Map<String, List<String>>> references = new HashMap<>();
    if (doc.get("configuration") instanceof MapNode c
        && c.get("root_module") instanceof MapNode root) configRefs(root, "", references, 0);
    // Known ids and ARNs point back to the resource that has them.
    Map<String, ResourceRef> byId = new HashMap<>();
    for (RawInstance r : raw) {
      for (String attr : List.of("id", "arn")) {
        if (r.values.get(attr) instanceof String s && !s.isEmpty())
          byId.putIfAbsent(s, new ResourceRef(scope, r.address, attr));
      }
    }
    for (RawInstance r : raw) {
      Map<String, Object> v = new TreeMap<>();
      r.values.forEach((k, x) -> v.put(k, link(x, byId, r.address, 0)));
      String plain = r.address.substring(label.length());
      Map<String, Object> unknown = afterUnknown.getOrDefault(plain, Map.of());
      Map<String, List<String>> refs = references.getOrDefault(configAddress(plain), Map.of());
      for (Map.Entry<String, Object> u : unknown.entrySet()) {
        if (!Boolean.TRUE.equals(u.getValue()) || v.get(u.getKey()) != null) continue;
        ResourceRef ref = referenced(refs.get(u.getKey()), r, scope, label);
        v.put(
            u.getKey(),
            ref != null
                ? ref
                : new Unknown(r.address + "." + u.getKey() + " is known only after apply"));
      }
      p.instances.add(new Instance(r.address, r.type, r.modulePath, r.index, v, r.location));
    }
    return p;
  }

  private record RawInstance(
      String address,
      String type,
      String modulePath,
      Object index,
      Map<String, Object> values,
      Location location) {}

  private static void collect(MapNode module, String modulePath, List<RawInstance> out, int depth) {
    if (depth > 32) return;
    if (module.get("resources") instanceof SeqNode rs) {
      for (Node n : rs.items()) {
        if (!(n instanceof MapNode r) || !"managed".equals(text(r.get("mode")))) continue;
        String address = text(r.get("address"));
        String type = text(r.get("type"));
        if (address == null || type == null) continue;
        Object index = r.get("index") instanceof ScalarNode s ? TfValues.fromNode(s, 0) : null;
        Object values = r.get("values") instanceof MapNode vm ? TfValues.fromNode(vm, 0) : Map.of();
        @SuppressWarnings("unchecked")
        Map<String, Object> vals =
            values instanceof Map<?, ?> ? (Map<String, Object>) values : Map.of();
        Location at = r.entry("address") != null ? r.entry("address").keyLocation() : r.location();
        out.add(new RawInstance(address, type, modulePath, index, vals, at));
      }
    }
    if (module.get("child_modules") instanceof SeqNode cs) {
      for (Node n : cs.items()) {
        if (n instanceof MapNode c)
          collect(
              c,
              text(c.get("address")) == null ? modulePath : text(c.get("address")),
              out,
              depth + 1);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> afterUnknown(MapNode doc) {
    Map<String, Map<String, Object>> out = new HashMap<>();
    if (!(doc.get("resource_changes") instanceof SeqNode rc)) return out;
    for (Node n : rc.items()) {
      if (!(n instanceof MapNode c)
          || !(c.get("change") instanceof MapNode ch)
          || !(ch.get("after_unknown") instanceof MapNode au)) continue;
      String address = text(c.get("address"));
      if (address != null && TfValues.fromNode(au, 0) instanceof Map<?, ?> m)
        out.put(address, (Map<String, Object>) m);
    }
    return out;
  }

  /** expressions.*.references of the configuration, by resource address without instance keys. */
  private static void configRefs(
      MapNode module, String prefix, Map<String, Map<String, List<String>>> out, int depth) {
    if (depth > 32) return;
    if (module.get("resources") instanceof SeqNode rs) {
      for (Node n : rs.items()) {
        if (!(n instanceof MapNode r) || !(r.get("expressions") instanceof MapNode ex)) continue;
        String address = text(r.get("address"));
        if (address == null) continue;
        Map<String, List<String>> attrs = new HashMap<>();
        for (MapNode.Entry e : ex.entries()) {
          if (e.value() instanceof MapNode em && em.get("references") instanceof SeqNode refs) {
            List<String> l = new ArrayList<>();
            for (Node x : refs.items()) if (text(x) != null) l.add(text(x));
            attrs.put(e.key(), l);
          }
        }
        out.put(prefix + address, attrs);
      }
    }
    if (module.get("module_calls") instanceof MapNode calls) {
      for (MapNode.Entry e : calls.entries()) {
        if (e.value() instanceof MapNode call && call.get("module") instanceof MapNode child) {
          configRefs(child, prefix + "module." + e.key() + ".", out, depth + 1);
        }
      }
    }
  }

  /**
   * An instance address without instance keys: module.a["x"].aws_b.c[0] becomes module.a.aws_b.c.
   */
  static String configAddress(String address) {
    StringBuilder sb = new StringBuilder();
    int depth = 0;
    boolean quoted = false;
    for (int i = 0; i < address.length(); i++) {
      char c = address.charAt(i);
      if (depth > 0 && c == '"') quoted = !quoted;
      if (!quoted && c == '[') depth++;
      if (depth == 0) sb.append(c);
      if (!quoted && c == ']') depth--;
    }
    return sb.toString();
  }

  /**
   * The resource instance a configuration expression refers to, following count.index and each.key.
   */
  private static ResourceRef referenced(
      List<String> refs, RawInstance r, String scope, String label) {
    if (refs == null) return null;
    String modulePrefix = label + (r.modulePath.isEmpty() ? "" : r.modulePath + ".");
    for (String ref : refs) {
      if (ref.startsWith("var.")
          || ref.startsWith("local.")
          || ref.startsWith("data.")
          || ref.startsWith("module.")
          || ref.startsWith("count.")
          || ref.startsWith("each.")
          || ref.startsWith("path.")) continue;
      String[] parts = ref.split("\\.");
      if (parts.length < 2) continue;
      String target = parts[0] + "." + parts[1];
      if (target.contains("[")) return new ResourceRef(scope, modulePrefix + target, null);
      if (refs.contains("count.index") && r.index instanceof java.math.BigDecimal i) {
        return new ResourceRef(scope, modulePrefix + target + "[" + i.toPlainString() + "]", null);
      }
      if (refs.contains("each.key") && r.index instanceof String k) {
        return new ResourceRef(scope, modulePrefix + target + "[\"" + k + "\"]", null);
      }
      return new ResourceRef(scope, modulePrefix + target, null);
    }
    return null;
  }

  private static Object link(Object v, Map<String, ResourceRef> byId, String self, int depth) {
    if (depth > 64) return v;
    if (v instanceof String s && s.strip().startsWith("{") && s.length() < 100_000) {
      // JSON documents in string attributes (redrive policies): link the ARNs inside.
      try {
        Object doc = TfValues.fromNode(JsonLoader.load("plan", s), 0);
        if (doc instanceof Map) return new TfValues.JsonText(link(doc, byId, self, depth + 1));
      } catch (ParseException e) {
        return s;
      }
    }
    if (v instanceof String s) {
      ResourceRef r = byId.get(s);
      return r != null && !r.id().equals(self) ? r : s;
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      for (Object o : l) out.add(link(o, byId, self, depth + 1));
      return out;
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new TreeMap<>();
      m.forEach((k, x) -> out.put(String.valueOf(k), link(x, byId, self, depth + 1)));
      return out;
    }
    return v;
  }

  private static String text(Node n) {
    return n instanceof ScalarNode s ? s.text() : null;
  }
}

package dev.relplan.iac.cloudformation;

import dev.relplan.iac.common.Evaluated;
import dev.relplan.model.Resource;
import dev.relplan.model.Value;
import dev.relplan.model.Workload;
import dev.relplan.parse.MapNode;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Everything a mapper needs to turn one template resource into model objects. */
final class ResourceContext {
  final Template template;
  final String id;
  final String type;
  final Location location;
  final MapNode declaration;
  final Props props;
  final Workload workload;
  final Value<Boolean> exists;

  ResourceContext(
      Template template,
      String id,
      Location location,
      String type,
      MapNode declaration,
      Props props,
      Workload workload,
      Value<Boolean> exists) {
    this.template = template;
    this.id = id;
    this.type = type;
    this.location = location;
    this.declaration = declaration;
    this.props = props;
    this.workload = workload;
    this.exists = exists;
  }

  /** Fills the common fields of a model object and adds it to the workload. */
  <T extends Resource> T add(T r) {
    r.callChain = template.callChain;
    if (!type.equals(r.type)) r.declaredType = type;
    r.exists = exists;
    Value<List<Object>> tags = props.list("Tags");
    if (tags.present()) {
      for (Object t : tags.get()) {
        if (t instanceof Map<?, ?> m
            && m.get("Key") instanceof String k
            && m.get("Value") instanceof String v) r.tags.put(k, v);
      }
    } else {
      // SAM resources take tags as a plain map.
      Value<Object> raw = props.raw("Tags");
      if (raw.present() && raw.get() instanceof Map<?, ?> m) {
        m.forEach(
            (k, v) -> {
              if (v instanceof String s) r.tags.put(String.valueOf(k), s);
            });
      }
    }
    workload.add(r);
    return r;
  }

  /** A model object created by a SAM resource, named like the resource SAM would generate. */
  String derivedId(String suffix) {
    return id + suffix;
  }

  /**
   * The DeletionPolicy resource attribute as RETAIN / SNAPSHOT / DELETE, with the CloudFormation
   * default.
   */
  Value<String> deletionPolicy(String defaultPolicy) {
    MapNode.Entry e = declaration.entry("DeletionPolicy");
    if (e != null) {
      Evaluated v = template.eval(e.value());
      if (v.value() instanceof String s) {
        String p =
            switch (s) {
              case "Retain", "RetainExceptOnCreate" -> "RETAIN";
              case "Snapshot" -> "SNAPSHOT";
              default -> "DELETE";
            };
        List<Location> trace = new ArrayList<>(List.of(e.keyLocation()));
        trace.addAll(v.trace());
        return Value.explicit(p, trace);
      }
      return Value.unresolved("DeletionPolicy is computed", List.of(e.keyLocation()));
    }
    return Value.defaulted(defaultPolicy, "CloudFormation's default DeletionPolicy for " + type);
  }
}

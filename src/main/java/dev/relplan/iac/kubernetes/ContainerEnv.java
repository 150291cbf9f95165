package dev.relplan.iac.kubernetes;

import dev.relplan.model.ComputeGroup;
import dev.relplan.model.Value;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ScalarNode;
import java.util.List;

/**
 * The images a pod's containers run and the environment variables the manifest gives them ({@code
 * env[].value}; a {@code valueFrom} or a {@code $(VAR)} reference is unresolved, since its value is
 * decided when the pod starts). Init containers are left out: they finish before the pod serves.
 */
final class ContainerEnv {
  private ContainerEnv() {}

  static void read(MapNode podSpec, ComputeGroup g) {
    for (Node c : Fields.seq(podSpec, "containers")) {
      ScalarNode image = Fields.scalar(c, "image");
      if (image != null && image.text() != null && !image.isNull())
        g.images.add(Value.explicit(image.text().strip(), Origins.trace(image)));
      for (Node e : Fields.seq(c, "env")) {
        String name = Fields.text(e, "name");
        if (name == null || g.containerEnv.containsKey(name)) continue;
        g.containerEnv.put(name, value(e, name));
      }
    }
  }

  private static Value<String> value(Node env, String name) {
    ScalarNode value = Fields.scalar(env, "value");
    if (value != null && value.text() != null && !value.isNull()) {
      if (value.text().contains("$("))
        return Value.unresolved(
            name + " refers to another variable ($(…)), expanded when the pod starts",
            Origins.trace(value));
      return Value.explicit(value.text(), Origins.trace(value));
    }
    Node from = Fields.at(env, "valueFrom");
    if (from != null)
      return Value.unresolved(
          name + " is set from a Secret, ConfigMap or field (valueFrom), not read",
          List.of(from.location()));
    return Value.explicit("", Origins.trace(env));
  }
}

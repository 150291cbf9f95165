package dev.relplan.iac.terraform;

import dev.relplan.iac.common.Evaluated;
import java.util.HashMap;
import java.util.Map;

/**
 * Names bound while evaluating: each, count, for-expression variables and dynamic block iterators.
 */
final class Env {
  static final Env EMPTY = new Env(null, Map.of());
  private final Env parent;
  private final Map<String, Evaluated> names;

  private Env(Env parent, Map<String, Evaluated> names) {
    this.parent = parent;
    this.names = names;
  }

  Env with(String name, Evaluated value) {
    Map<String, Evaluated> m = new HashMap<>();
    m.put(name, value);
    return new Env(this, m);
  }

  Env with(Map<String, Evaluated> values) {
    return new Env(this, new HashMap<>(values));
  }

  Evaluated get(String name) {
    for (Env e = this; e != null; e = e.parent) {
      Evaluated v = e.names.get(name);
      if (v != null) return v;
    }
    return null;
  }
}

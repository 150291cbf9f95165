package dev.relplan.iac.terraform;

import java.util.HashMap;
import java.util.Map;

/** Names bound while evaluating: each, count, for-expression variables and dynamic block iterators. */
final class Env {
  static final Env EMPTY = new Env(null, Map.of());
  private final Env parent;
  private final Map<String, Ev> names;

  private Env(Env parent, Map<String, Ev> names) {
    this.parent = parent;
    this.names = names;
  }

  Env with(String name, Ev value) {
    Map<String, Ev> m = new HashMap<>();
    m.put(name, value);
    return new Env(this, m);
  }

  Env with(Map<String, Ev> values) {
    return new Env(this, new HashMap<>(values));
  }

  Ev get(String name) {
    for (Env e = this; e != null; e = e.parent) {
      Ev v = e.names.get(name);
      if (v != null) return v;
    }
    return null;
  }
}

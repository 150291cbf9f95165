package dev.relplan.code.go;

import dev.relplan.model.Value;
import java.util.List;

/**
 * Program-wide changes to {@code http.DefaultClient}, which every {@code http.Get}-style call uses:
 * {@code http.DefaultClient.Timeout = d}, or {@code http.DefaultClient = &http.Client{...}}. They
 * are usually made once in main, in another file than the calls, so all Go files are read first.
 */
final class DefaultClientSettings {
  /**
   * The timeout given to the default client: explicit, unresolved, or absent when no file changes
   * it.
   */
  Value<String> timeout = Value.absent();

  /** Whether a file read changed the default client (its timeout then replaces earlier ones). */
  private boolean changed;

  void read(GoFile f) {
    for (GoNode a : f.root.all("assignment_statement")) {
      GoNode left = a.field("left");
      GoNode right = a.field("right");
      if (left == null || right == null || left.children.size() != right.children.size()) continue;
      for (int i = 0; i < left.children.size(); i++) {
        GoNode target = left.children.get(i);
        GoNode value = right.children.get(i);
        if (!target.is("selector_expression")) continue;
        if ((GoCalls.HTTP + ".DefaultClient").equals(f.qualify(target))) {
          GoNode client = f.origin(value);
          GoNode t =
              client != null && client.is("composite_literal")
                  ? GoFile.keyed(client).get("Timeout")
                  : null;
          changed = true;
          timeout =
              t != null && !GoDurations.zero(t)
                  ? Value.explicit(
                      GoDurations.text(f, t) + " (http.DefaultClient replaced)", List.of(f.at(t)))
                  : Value.unresolved(
                      "http.DefaultClient is replaced at "
                          + f.at(a)
                          + " by a client the scanner cannot read a Timeout from",
                      List.of(f.at(a)));
        } else if (target.field("field") != null
            && target.field("field").text().equals("Timeout")
            && (GoCalls.HTTP + ".DefaultClient").equals(f.qualify(target.field("operand")))) {
          changed = true;
          timeout =
              GoDurations.zero(value)
                  ? Value.absent()
                  : Value.explicit(
                      GoDurations.text(f, value) + " (http.DefaultClient.Timeout)",
                      List.of(f.at(a)));
        }
      }
    }
  }

  /**
   * Takes the settings one file's read found, as reading that file after the earlier ones would:
   * files are read in parallel, each into settings of its own, and folded in the files' order.
   */
  void fold(DefaultClientSettings file) {
    if (!file.changed) return;
    changed = true;
    timeout = file.timeout;
  }
}

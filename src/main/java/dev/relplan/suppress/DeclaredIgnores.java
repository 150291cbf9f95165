package dev.relplan.suppress;

import dev.relplan.model.Suppression;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ScalarNode;
import dev.relplan.parse.SeqNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Suppressions written as data rather than comments (docs/suppressions.md): a CloudFormation
 * template's or resource's {@code Metadata: {relplan: {ignore: [{id, reason, until}]}}} (the only
 * way in a JSON template, which has no comments) and a Kubernetes object's {@code
 * relplan.dev/ignore} annotation, one {@code RULE-OR-FLAG reason [until=YYYY-MM-DD]} per line.
 */
final class DeclaredIgnores {
  static final String ANNOTATION = "relplan.dev/ignore";

  private DeclaredIgnores() {}

  static List<Found> of(List<Node> documents) {
    List<Found> out = new ArrayList<>();
    for (Node doc : documents) {
      if (!(doc instanceof MapNode m)) continue;
      if (m.get("Resources") instanceof MapNode resources) {
        metadata(m, List.of(), out);
        for (MapNode.Entry e : resources.entries())
          if (e.value() instanceof MapNode resource)
            metadata(resource, List.of(one(e.keyLocation().line())), out);
      }
      if (m.has("apiVersion") && m.entry("kind") != null) annotation(m, out);
    }
    return out;
  }

  /** {@code Metadata.relplan.ignore}: a list of {id, reason, until} (or of directive strings). */
  private static void metadata(MapNode holder, List<Suppression.Lines> covered, List<Found> out) {
    if (!(holder.get("Metadata") instanceof MapNode metadata)) return;
    if (!(metadata.get("relplan") instanceof MapNode relplan)) return;
    Node ignore = relplan.get("ignore");
    if (ignore == null) return;
    if (!(ignore instanceof SeqNode list)) {
      out.add(
          new Found(
              Directive.of(null, null, null)
                  .withProblem("Metadata relplan.ignore must be a list of {id, reason, until}"),
              ignore.location().line(),
              covered));
      return;
    }
    for (Node item : list.items()) {
      if (item == null) continue;
      int line = item.location().line();
      Directive d =
          item instanceof MapNode entry
              ? Directive.of(text(entry, "id"), text(entry, "reason"), text(entry, "until"))
              : item instanceof ScalarNode s && s.text() != null
                  ? Directive.parse(s.text())
                  : Directive.of(null, null, null)
                      .withProblem("Metadata relplan.ignore items are {id, reason, until}");
      out.add(new Found(d, line, covered));
    }
  }

  /** The object's own {@code metadata.annotations}, not its pod template's. */
  private static void annotation(MapNode object, List<Found> out) {
    if (!(object.get("metadata") instanceof MapNode metadata)) return;
    if (!(metadata.get("annotations") instanceof MapNode annotations)) return;
    if (!(annotations.get(ANNOTATION) instanceof ScalarNode value) || value.text() == null) return;
    List<Suppression.Lines> covered = List.of(one(object.entry("kind").keyLocation().line()));
    for (String line : value.text().split("\n")) {
      if (line.isBlank()) continue;
      out.add(new Found(Directive.parse(line), value.location().line(), covered));
    }
  }

  private static Suppression.Lines one(int line) {
    return new Suppression.Lines(line, line);
  }

  private static String text(MapNode m, String key) {
    return m.get(key) instanceof ScalarNode s ? s.text() : null;
  }
}

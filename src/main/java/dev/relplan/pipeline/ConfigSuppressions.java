package dev.relplan.pipeline;

import dev.relplan.discover.Discovery;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.Suppression;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ScalarNode;
import dev.relplan.parse.SeqNode;
import dev.relplan.source.InputError;
import dev.relplan.source.Location;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * relplan.yaml's {@code suppressions}: a list of {@code {id, reason, until?, file?, resource?}},
 * the central policy a platform team keeps (docs/suppressions.md). Any mistake stops the run with
 * one line naming relplan.yaml:line and the fix: a suppression nobody can read back is worse than
 * none.
 */
final class ConfigSuppressions {
  private static final Set<String> KEYS = Set.of("id", "reason", "until", "file", "resource");
  private static final String KNOWN = "id, reason, until, file, resource";

  private ConfigSuppressions() {}

  static List<Suppression> read(String display, Node node) {
    if (node == null) return List.of();
    if (!(node instanceof SeqNode list))
      throw new InputError(
          display
              + ":"
              + node.location().line()
              + ": suppressions must be a list of {id, reason, until, file, resource}");
    List<Suppression> out = new ArrayList<>();
    for (Node item : list.items()) {
      int line = item == null ? node.location().line() : item.location().line();
      if (!(item instanceof MapNode m))
        throw new InputError(
            display
                + ":"
                + line
                + ": each suppression is a mapping {id, reason, until, file, resource}");
      for (MapNode.Entry e : m.entries())
        if (!KEYS.contains(e.key()))
          throw new InputError(
              display
                  + ":"
                  + e.keyLocation().line()
                  + ": unknown suppression key '"
                  + e.key()
                  + "' (known: "
                  + KNOWN
                  + ")");
      String id = text(m, "id");
      if (id == null)
        throw new InputError(
            display + ":" + line + ": suppression names no rule or flag: add id: RULE-ID or FLAG");
      String reason = text(m, "reason");
      if (reason == null)
        throw new InputError(
            display
                + ":"
                + line
                + ": suppression of "
                + id
                + " has no reason: add reason: WHY IT IS ACCEPTED (a reason is mandatory)");
      out.add(
          new Suppression(
              id,
              reason,
              until(display, m, id),
              Suppression.Source.CONFIG,
              new Location(display, line),
              text(m, "file"),
              List.of(),
              text(m, "resource")));
    }
    return List.copyOf(out);
  }

  /** Every suppression names a rule id or a flag the run knows; else the run stops. */
  static void check(List<Suppression> suppressions, Predicate<String> known) {
    for (Suppression s : suppressions)
      if (!known.test(s.id()))
        throw new InputError(
            s.location()
                + ": suppression names '"
                + s.id()
                + "', no rule id or flag: use one that relplan rules lists");
  }

  /**
   * The suppressions located as the scan names relplan.yaml when it lies in a scanned path (so
   * reports cite it relative to its root like any file), else as given.
   */
  static List<Suppression> asScanned(
      List<Suppression> suppressions, Path configFile, Discovery.Result found) {
    if (suppressions.isEmpty() || configFile == null) return suppressions;
    Path config = configFile.toAbsolutePath().normalize();
    String display = null;
    for (SourceFile f : found.files())
      if (f.path() != null && f.path().toAbsolutePath().normalize().equals(config))
        display = f.display();
    if (display == null) return suppressions;
    List<Suppression> out = new ArrayList<>();
    for (Suppression s : suppressions)
      out.add(
          new Suppression(
              s.id(),
              s.reason(),
              s.until(),
              s.source(),
              new Location(display, s.location().line()),
              s.file(),
              s.lines(),
              s.resource()));
    return out;
  }

  private static LocalDate until(String display, MapNode m, String id) {
    String until = text(m, "until");
    if (until == null) return null;
    try {
      return LocalDate.parse(until);
    } catch (DateTimeParseException e) {
      throw new InputError(
          display
              + ":"
              + m.entry("until").keyLocation().line()
              + ": until '"
              + until
              + "' of the suppression of "
              + id
              + " is not a date: use YYYY-MM-DD");
    }
  }

  /** A non-blank scalar's text, stripped; null otherwise. */
  private static String text(MapNode m, String key) {
    return m.get(key) instanceof ScalarNode s && s.text() != null && !s.text().isBlank()
        ? s.text().strip()
        : null;
  }
}

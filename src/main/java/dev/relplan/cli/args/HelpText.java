package dev.relplan.cli.args;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A command's help, laid out for an 80-column terminal: the usage synopsis, the description, a
 * table of positional arguments and options (sorted by name), then the subcommands.
 */
public final class HelpText {
  private static final int WIDTH = 80;

  /** Option names longer than this take a line of their own, their description below. */
  private static final int NAME_COLUMN_MAX = 20;

  private HelpText() {}

  /** The help of this command, called by these words ({@code relplan assess}). */
  public static String of(CommandSpec spec, String path) {
    StringBuilder out = new StringBuilder();
    String usage = "Usage: " + path + " ";
    appendWrapped(out, usage, synopsis(spec), usage.length());
    if (!spec.description().isBlank()) appendWrapped(out, "", words(spec.description()), 0);
    optionTable(out, spec);
    if (!spec.subcommands().isEmpty()) {
      out.append("Commands:\n");
      int nameWidth = spec.subcommands().stream().mapToInt(c -> c.name().length()).max().orElse(0);
      for (CommandSpec sub : spec.subcommands()) {
        String head = "  " + pad(sub.name(), nameWidth) + "  ";
        appendWrapped(out, head, words(sub.description()), head.length() + 2);
      }
    }
    return out.toString();
  }

  /**
   * The synopsis' items: clustered one-letter flags, other flags, single-value options, repeatable
   * ones (each group by name), then the positional arguments or {@code [COMMAND]}.
   */
  private static List<String> synopsis(CommandSpec spec) {
    List<Option<?>> sorted = sortedOptions(spec);
    List<String> items = new ArrayList<>();
    StringBuilder cluster = new StringBuilder();
    for (Option<?> o : sorted)
      if (o.kind() == Option.Kind.FLAG && o.shortName() != null)
        cluster.append(o.shortName().charAt(1));
    if (cluster.length() > 0) items.add("[-" + cluster + "]");
    for (Option<?> o : sorted)
      if (o.kind() == Option.Kind.FLAG && o.shortName() == null)
        items.add("[" + o.longName() + "]");
    for (Option<?> o : sorted)
      if (o.kind() == Option.Kind.SINGLE) items.add("[" + preferredName(o) + o.valueSuffix() + "]");
    for (Option<?> o : sorted)
      if (o.kind() == Option.Kind.REPEATABLE)
        items.add("[" + preferredName(o) + o.valueSuffix() + "]...");
    Positional<?> positional = spec.positional();
    if (positional != null)
      items.add(positional.required() ? positional.display() : "[" + positional.display() + "]");
    if (!spec.subcommands().isEmpty()) items.add("[COMMAND]");
    return items;
  }

  private static String preferredName(Option<?> o) {
    return o.shortName() != null ? o.shortName() : o.longName();
  }

  /** Rows of " -x, --long=LABEL description", the positional arguments first. */
  private static void optionTable(StringBuilder out, CommandSpec spec) {
    List<String[]> rows = new ArrayList<>();
    Positional<?> positional = spec.positional();
    if (positional != null)
      rows.add(new String[] {"    ", positional.display(), positional.description()});
    for (Option<?> o : sortedOptions(spec)) {
      String shortName = o.shortName();
      String longName = o.longName();
      String shortColumn =
          shortName == null ? "    " : longName == null ? shortName + "  " : shortName + ", ";
      String longColumn = (longName == null ? "" : longName) + o.valueSuffix();
      rows.add(new String[] {shortColumn, longColumn, o.description()});
    }
    int nameWidth =
        Math.min(NAME_COLUMN_MAX, rows.stream().mapToInt(r -> r[1].length()).max().orElse(0));
    int descriptionColumn = 2 + 4 + nameWidth + 3;
    for (String[] row : rows) {
      String head = "  " + row[0] + row[1];
      if (row[1].length() > nameWidth) {
        out.append(head).append('\n');
        head = "";
      }
      appendWrapped(out, pad(head, descriptionColumn), words(row[2]), descriptionColumn + 2);
    }
  }

  private static List<Option<?>> sortedOptions(CommandSpec spec) {
    List<Option<?>> sorted = new ArrayList<>(spec.options());
    sorted.sort(Comparator.comparing(Option::sortKey));
    return sorted;
  }

  /**
   * Appends the words after the head, filling lines up to the width; continuation lines start at
   * the indent. A word other than the last keeps room for the space after it, as picocli's layout
   * did, so help texts wrap where they always have. A word longer than a whole line is cut.
   */
  private static void appendWrapped(
      StringBuilder out, String head, List<String> words, int indent) {
    StringBuilder line = new StringBuilder(head);
    boolean lineHasWord = false;
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      int trailingSpace = i + 1 < words.size() ? 1 : 0;
      int needed = line.length() + (lineHasWord ? 1 : 0) + word.length() + trailingSpace;
      if (lineHasWord && needed > WIDTH) {
        out.append(line).append('\n');
        line = new StringBuilder(" ".repeat(indent));
        lineHasWord = false;
      }
      if (lineHasWord) line.append(' ');
      String rest = word;
      while (line.length() + rest.length() > WIDTH && WIDTH > line.length()) {
        int room = WIDTH - line.length();
        out.append(line).append(rest, 0, room).append('\n');
        rest = rest.substring(room);
        line = new StringBuilder(" ".repeat(indent));
      }
      line.append(rest);
      lineHasWord = true;
    }
    out.append(line.toString().stripTrailing()).append('\n');
  }

  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    for (String word : text.split(" ")) if (!word.isEmpty()) words.add(word);
    return words;
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text : text + " ".repeat(width - text.length());
  }
}

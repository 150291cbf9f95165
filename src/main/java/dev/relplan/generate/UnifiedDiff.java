package dev.relplan.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff that inserts lines into a file, with three lines of context, as {@code git apply}
 * and {@code patch -p1} read it from the file's root.
 */
public final class UnifiedDiff {
  private static final int CONTEXT = 3;
  private static final String NO_NEWLINE = "\\ No newline at end of file";

  /**
   * Lines to insert before the original's 0-based line {@code before} (its line count: at the end),
   * in place of the {@code replaced} original lines starting there.
   */
  public record Insertion(int before, List<String> lines, int replaced) {
    public Insertion {
      lines = List.copyOf(lines);
    }

    public Insertion(int before, List<String> lines) {
      this(before, lines, 0);
    }

    boolean removes(int line) {
      return line >= before && line < before + replaced;
    }
  }

  /**
   * One diff line: ' ' kept, '-' removed, '+' added; {@code noNewline} marks a file's last line.
   */
  private record Entry(char kind, String text, boolean noNewline) {}

  private UnifiedDiff() {}

  /** The diff of {@code path} (relative to the root it applies from) with the insertions made. */
  public static String of(String path, String original, List<Insertion> insertions) {
    List<Entry> entries = entries(original, insertions);
    StringBuilder out = new StringBuilder();
    out.append("--- a/").append(path).append('\n');
    out.append("+++ b/").append(path).append('\n');
    List<Integer> changed = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) if (entries.get(i).kind() != ' ') changed.add(i);
    int k = 0;
    while (k < changed.size()) {
      int from = Math.max(0, changed.get(k) - CONTEXT);
      int last = changed.get(k);
      // Changes closer than twice the context share one hunk.
      while (k + 1 < changed.size() && changed.get(k + 1) - last <= 2 * CONTEXT)
        last = changed.get(++k);
      int to = Math.min(entries.size(), last + CONTEXT + 1);
      hunk(entries, from, to, out);
      k++;
    }
    return out.toString();
  }

  /**
   * The diff that creates {@code path} with the lines of the insertions, in order: {@code git
   * apply} reads {@code --- /dev/null} as a new file.
   */
  public static String created(String path, List<Insertion> insertions) {
    List<String> lines = insertions.stream().flatMap(i -> i.lines().stream()).toList();
    StringBuilder out = new StringBuilder();
    out.append("--- /dev/null\n");
    out.append("+++ b/").append(path).append('\n');
    out.append("@@ -0,0 +").append(range(1, lines.size())).append(" @@\n");
    for (String l : lines) out.append('+').append(l).append('\n');
    return out.toString();
  }

  private static List<Entry> entries(String original, List<Insertion> insertions) {
    List<String> lines = original.isEmpty() ? List.of() : List.of(original.split("\n", -1));
    boolean finalNewline = original.endsWith("\n");
    if (finalNewline) lines = lines.subList(0, lines.size() - 1);
    int n = lines.size();
    boolean addsAtEnd = insertions.stream().anyMatch(x -> x.before() == n);
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      addAt(i, insertions, entries);
      boolean lastWithoutNewline = i == n - 1 && !finalNewline;
      final int line = i;
      if (insertions.stream().anyMatch(x -> x.removes(line))) {
        entries.add(new Entry('-', lines.get(i), lastWithoutNewline));
        // A replacement's lines follow the lines they replace, as diff writes them.
        for (Insertion ins : insertions)
          if (ins.replaced() > 0 && ins.before() + ins.replaced() - 1 == i)
            for (String l : ins.lines()) entries.add(new Entry('+', l, false));
      } else if (lastWithoutNewline && addsAtEnd) {
        // Lines added after a last line without a newline end it: the line is replaced.
        entries.add(new Entry('-', lines.get(i), true));
        entries.add(new Entry('+', lines.get(i), false));
      } else {
        entries.add(new Entry(' ', lines.get(i), lastWithoutNewline));
      }
    }
    addAt(n, insertions, entries);
    return entries;
  }

  private static void addAt(int before, List<Insertion> insertions, List<Entry> entries) {
    for (Insertion ins : insertions)
      if (ins.before() == before && ins.replaced() == 0)
        for (String l : ins.lines()) entries.add(new Entry('+', l, false));
  }

  private static void hunk(List<Entry> entries, int from, int to, StringBuilder out) {
    int oldStart = 1;
    int newStart = 1;
    for (int i = 0; i < from; i++) {
      if (entries.get(i).kind() != '+') oldStart++;
      if (entries.get(i).kind() != '-') newStart++;
    }
    int oldCount = 0;
    int newCount = 0;
    for (int i = from; i < to; i++) {
      if (entries.get(i).kind() != '+') oldCount++;
      if (entries.get(i).kind() != '-') newCount++;
    }
    out.append("@@ -")
        .append(range(oldStart, oldCount))
        .append(" +")
        .append(range(newStart, newCount))
        .append(" @@\n");
    for (int i = from; i < to; i++) {
      Entry e = entries.get(i);
      out.append(e.kind()).append(e.text()).append('\n');
      if (e.noNewline()) out.append(NO_NEWLINE).append('\n');
    }
  }

  /** "start,count"; an empty range starts at the line before it, as diff writes it. */
  private static String range(int start, int count) {
    return (count == 0 ? start - 1 : start) + "," + count;
  }
}

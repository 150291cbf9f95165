package dev.relplan.suppress;

import dev.relplan.model.Suppression;
import dev.relplan.parse.LineIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.IntPredicate;

/**
 * What a suppression comment covers in its file (docs/suppressions.md, "Where a comment applies"):
 *
 * <ul>
 *   <li>the whole file, when it stands in the file's opening comment block (nothing but comments
 *       and blank lines before it) and a blank line separates it from the first content line;
 *   <li>else the declaration it stands on: the line it ends (a trailing comment) or the content
 *       line right below it (only comment lines between, no blank line), and every block that
 *       encloses it (a comment inside a resource's, a module call's or a Kubernetes object's
 *       block).
 * </ul>
 *
 * Blocks come from the file's parser as {@link Span}s; a span's declaration line is the line a
 * finding's resource is declared on (the block's first line, or for a Kubernetes object its {@code
 * kind:} line).
 */
final class Placement {
  /**
   * A block from line {@code start} to {@code end} whose resource is declared on {@code declares}.
   */
  record Span(int start, int end, int declares) {}

  private final LineIndex text;
  private final boolean[] commentOnly;
  private final IntPredicate transparent;
  private final List<Span> spans;
  private final int firstContent;

  /**
   * @param transparent lines that are neither content nor blank (YAML's {@code ---} document
   *     markers): stepped over when looking for the line below a comment
   */
  Placement(LineIndex text, List<Comment> comments, List<Span> spans, IntPredicate transparent) {
    this.text = text;
    this.transparent = transparent;
    this.spans = spans;
    commentOnly = new boolean[text.lineCount() + 2];
    for (Comment c : comments)
      if (c.ownLine())
        for (int l = c.line(); l <= Math.min(c.endLine(), text.lineCount()); l++)
          commentOnly[l] = true;
    int first = Integer.MAX_VALUE;
    for (int l = 1; l <= text.lineCount(); l++) {
      if (isContent(l)) {
        first = l;
        break;
      }
    }
    firstContent = first;
  }

  /**
   * What a directive on {@code line} of {@code comment} covers: the block it stands above or on
   * (from its first line to its last), and the declaration line of each block enclosing it; an
   * empty list for the whole file. A comment standing apart from any declaration covers nothing the
   * reports can match (line 0), and is reported as covering no finding.
   */
  List<Suppression.Lines> covered(Comment comment, int line) {
    if (comment.ownLine() && comment.endLine() < firstContent && blankBefore(comment.endLine()))
      return List.of();
    int target = comment.ownLine() ? lineBelow(comment.endLine()) : comment.line();
    TreeMap<Integer, Integer> covered = new TreeMap<>();
    if (target > 0) covered.put(target, blockEnd(target));
    for (Span s : spans) {
      if (s.start() <= line && line <= s.end() && s.start() != target)
        covered.merge(s.declares(), s.declares(), Math::max);
    }
    if (covered.isEmpty()) covered.put(0, 0);
    List<Suppression.Lines> out = new ArrayList<>();
    covered.forEach((from, to) -> out.add(new Suppression.Lines(from, to)));
    return out;
  }

  /** The last line of the widest block starting on {@code line}; the line itself without one. */
  private int blockEnd(int line) {
    int end = line;
    for (Span s : spans)
      if (s.start() == line) end = Math.max(end, Math.max(s.end(), s.declares()));
    return end;
  }

  /** Whether a blank line lies between {@code line} and the first content line (or no content). */
  private boolean blankBefore(int line) {
    if (firstContent == Integer.MAX_VALUE) return true;
    for (int l = line + 1; l < firstContent; l++) if (isBlank(l)) return true;
    return false;
  }

  /** The content line right below {@code line} past comment lines, or -1 across a blank line. */
  private int lineBelow(int line) {
    for (int l = line + 1; l <= text.lineCount(); l++) {
      if (commentOnly[l] || transparent.test(l)) continue;
      return isBlank(l) ? -1 : l;
    }
    return -1;
  }

  private boolean isContent(int l) {
    return !commentOnly[l] && !transparent.test(l) && !isBlank(l);
  }

  private boolean isBlank(int l) {
    return !commentOnly[l] && !transparent.test(l) && text.text(l).isBlank();
  }
}

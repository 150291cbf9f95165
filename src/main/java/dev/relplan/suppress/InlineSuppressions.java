package dev.relplan.suppress;

import dev.relplan.discover.SourceFile;
import dev.relplan.model.Suppression;
import dev.relplan.parse.JsonLoader;
import dev.relplan.parse.LineIndex;
import dev.relplan.parse.Node;
import dev.relplan.parse.ParseException;
import dev.relplan.parse.YamlLoader;
import dev.relplan.source.FileGuard;
import dev.relplan.source.Location;
import dev.relplan.source.SkippedFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Reads the suppressions written in the scanned files (docs/suppressions.md): {@code
 * relplan:ignore} comments in YAML, Terraform and source code, CloudFormation {@code Metadata} and
 * Kubernetes annotations, each with its location and the declarations it covers. Each file's
 * comments come from its own tokenizer or parser; a file that cannot be read that way gives a note,
 * never costs the run.
 */
public final class InlineSuppressions {
  /**
   * The suppressions found, in file order, and why others were not applied (one line each, naming
   * file:line and the fix).
   */
  public record Result(List<Suppression> suppressions, List<String> problems) {}

  private InlineSuppressions() {}

  /**
   * @param known whether a word is a rule id or a seed flag
   */
  public static Result read(List<SourceFile> files, Predicate<String> known) {
    List<Suppression> suppressions = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (SourceFile f : files) {
      String content = f.content();
      // Most files say nothing to relplan: only those naming it are parsed again.
      if (content == null || !content.contains("relplan")) continue;
      // Guarded like any file's reading: a file its parser cannot read costs a note, not the run.
      Object[] outcome = {null};
      Optional<SkippedFile> stopped =
          FileGuard.run(
              f.display(),
              () -> {
                try {
                  outcome[0] = read(f, content);
                } catch (ParseException e) {
                  outcome[0] = e.getMessage();
                }
              });
      if (stopped.isPresent() || !(outcome[0] instanceof List<?>)) {
        if (content.contains(Directive.MARKER))
          problems.add(
              "relplan:ignore comments in "
                  + f.display()
                  + " were not read: the file cannot be parsed ("
                  + firstLine(stopped.map(SkippedFile::reason).orElse(String.valueOf(outcome[0])))
                  + ")");
        continue;
      }
      @SuppressWarnings("unchecked")
      List<Found> found = (List<Found>) outcome[0];
      for (Found x : found) {
        String at = f.display() + ":" + x.line();
        Directive d = x.directive();
        if (d.problem() != null) {
          problems.add("Suppression at " + at + " not applied: " + d.problem() + ".");
        } else if (!known.test(d.id())) {
          problems.add(
              "Suppression at "
                  + at
                  + " not applied: '"
                  + d.id()
                  + "' is no rule id or flag (relplan rules lists them).");
        } else {
          suppressions.add(
              new Suppression(
                  d.id(),
                  d.reason(),
                  d.until(),
                  Suppression.Source.INLINE,
                  new Location(f.display(), x.line()),
                  f.display(),
                  x.covered(),
                  null));
        }
      }
    }
    return new Result(suppressions, problems);
  }

  private static List<Found> read(SourceFile f, String content) throws ParseException {
    String name = f.path() == null ? f.display() : f.path().getFileName().toString();
    LineIndex text = new LineIndex(content);
    if (name.endsWith(".tf")) {
      List<Comment> comments = HclFileComments.comments(f.display(), content, text);
      if (comments.isEmpty()) return List.of();
      return directives(
          comments,
          new Placement(
              text, comments, HclFileComments.spans(f.display(), content), line -> false));
    }
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      List<Node> documents = documents(f, () -> YamlLoader.loadAll(f.display(), content));
      List<Comment> comments = YamlFile.comments(content);
      List<Found> found =
          new ArrayList<>(
              directives(
                  comments,
                  new Placement(
                      text,
                      comments,
                      YamlFile.spans(documents),
                      line -> YamlFile.marker(text, line))));
      found.addAll(DeclaredIgnores.of(documents));
      found.sort(java.util.Comparator.comparingInt(Found::line));
      return found;
    }
    if (name.endsWith(".json")) {
      return DeclaredIgnores.of(documents(f, () -> List.of(JsonLoader.load(f.display(), content))));
    }
    if (CodeFile.isCode(name) && content.contains(Directive.MARKER)) {
      List<Comment> comments = CodeFile.comments(name, content, text);
      return directives(comments, new Placement(text, comments, List.of(), line -> false));
    }
    return List.of();
  }

  private interface Load {
    List<Node> get() throws ParseException;
  }

  /** The file's parsed documents when discovery kept them, else parsed here. */
  private static List<Node> documents(SourceFile f, Load load) throws ParseException {
    List<Node> kept = f.documents();
    return kept != null && !kept.isEmpty() ? kept : load.get();
  }

  private static List<Found> directives(List<Comment> comments, Placement placement) {
    List<Found> out = new ArrayList<>();
    for (Comment c : comments) {
      List<String> lines = c.text().lines().toList();
      for (int i = 0; i < lines.size(); i++) {
        Directive d = Directive.ofCommentLine(lines.get(i));
        if (d != null) out.add(new Found(d, c.line() + i, placement.covered(c, c.line() + i)));
      }
    }
    return out;
  }

  private static String firstLine(String message) {
    return message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
  }
}

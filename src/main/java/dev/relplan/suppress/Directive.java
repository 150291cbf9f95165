package dev.relplan.suppress;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code relplan:ignore RULE-OR-FLAG reason [until=YYYY-MM-DD]} read from a comment's text, or
 * why it cannot be applied ({@code problem} non-null, then the other fields may be null).
 */
record Directive(String id, String reason, LocalDate until, String problem) {
  static final String MARKER = "relplan:ignore";

  static final String FORM = "write 'relplan:ignore RULE-OR-FLAG reason [until=YYYY-MM-DD]'";

  /**
   * The directive a comment line holds: the line's text after its comment leader ({@code #}, {@code
   * //}, {@code /*}, a block comment's {@code *}) must start with {@code relplan:ignore}; null when
   * it does not (a comment that only mentions the marker in prose suppresses nothing).
   */
  static Directive ofCommentLine(String line) {
    String body = stripLeader(line);
    if (!body.startsWith(MARKER)) return null;
    String rest = body.substring(MARKER.length());
    if (!rest.isEmpty() && !Character.isWhitespace(rest.charAt(0))) return null;
    return parse(rest);
  }

  /** The words after the marker (also the form of a Kubernetes annotation's lines). */
  static Directive parse(String words) {
    List<String> tokens = new ArrayList<>(List.of(words.strip().split("\\s+")));
    tokens.removeIf(String::isEmpty);
    if (tokens.isEmpty()) return problem("no rule or flag named: " + FORM);
    String id = tokens.remove(0);
    LocalDate until = null;
    List<String> reason = new ArrayList<>();
    for (String t : tokens) {
      if (t.startsWith("until=")) {
        String date = t.substring("until=".length());
        try {
          until = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
          return problem("until '" + date + "' is not a date: use until=YYYY-MM-DD");
        }
      } else {
        reason.add(t);
      }
    }
    if (reason.isEmpty()) return problem(id + " has no reason (a reason is mandatory): " + FORM);
    return new Directive(id, String.join(" ", reason), until, null);
  }

  static Directive of(String id, String reason, String until) {
    if (id == null || id.isBlank()) return problem("no rule or flag named: add id");
    if (reason == null || reason.isBlank())
      return problem(id + " has no reason (a reason is mandatory): add reason");
    LocalDate date = null;
    if (until != null && !until.isBlank()) {
      try {
        date = LocalDate.parse(until.strip());
      } catch (DateTimeParseException e) {
        return problem("until '" + until + "' is not a date: use YYYY-MM-DD");
      }
    }
    return new Directive(id.strip(), reason.strip(), date, null);
  }

  /** The same place read as a problem: {@code why} it cannot be applied. */
  Directive withProblem(String why) {
    return problem(why);
  }

  private static Directive problem(String why) {
    return new Directive(null, null, null, why);
  }

  /** The text after a comment leader and the blanks around it. */
  private static String stripLeader(String line) {
    String s = line.strip();
    for (String leader : List.of("/**", "/*", "//", "#", "*", "--")) {
      if (s.startsWith(leader)) {
        s = s.substring(leader.length()).strip();
        break;
      }
    }
    if (s.endsWith("*/")) s = s.substring(0, s.length() - 2).strip();
    return s;
  }
}

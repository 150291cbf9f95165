package dev.relplan.rules;

import dev.relplan.model.Resource;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A rule's advice in one dialect: what to do with the property, argument or library names of that
 * dialect, a short snippet written in it, and optionally the kind of subject it is for (an ECS
 * service, a scheduled-only function) and its own effort. Declared with {@link
 * RuleMeta.Builder#advice}.
 *
 * @param when what the subject must be for this advice, as the rules reference prints it; null when
 *     it fits every subject in the dialect
 * @param effort the effort when it differs from the rule's; null otherwise
 */
public record Fix(
    Dialect dialect,
    String when,
    Predicate<Resource> applies,
    String text,
    String effort,
    String snippet) {

  public Fix {
    Objects.requireNonNull(dialect, "dialect");
    Objects.requireNonNull(applies, "applies");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(snippet, "snippet");
  }

  /** Advice for every subject written in this dialect. */
  public static Fix in(Dialect dialect, String text, String snippet) {
    return new Fix(dialect, null, subject -> true, text, null, snippet);
  }

  /** The same advice, only for subjects that are what {@code when} says. */
  public Fix when(String what, Predicate<Resource> test) {
    return new Fix(dialect, what, test, text, effort, snippet);
  }

  /**
   * The same advice with its own effort, when the dialect's fix takes more or less than the rule's.
   */
  public Fix effort(String ownEffort) {
    return new Fix(dialect, when, applies, text, ownEffort, snippet);
  }

  boolean fits(Dialect subjectDialect, Resource subject) {
    return dialect == subjectDialect && applies.test(subject);
  }
}

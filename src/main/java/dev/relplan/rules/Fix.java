package dev.relplan.rules;

import dev.relplan.model.Integration;
import dev.relplan.model.Resource;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A rule's advice in one dialect: what to do with the property, argument or library names of that
 * dialect, a short snippet written in it, and optionally the kind of subject it is for (an ECS
 * service, a scheduled-only function) and its own effort. Declared with {@link
 * RuleMeta.Builder#advice}.
 *
 * @param when what the subject must be for this advice, as the rules reference prints it; null when
 *     it fits every subject in the dialect
 * @param snippet a short fix in the dialect; null when the advice names what to set without one
 * @param effort the effort when it differs from the rule's; null otherwise
 * @param services the AWS services the fix involves when fewer than the rule's; null otherwise
 */
public record Fix(
    Dialect dialect,
    String when,
    Predicate<Resource> applies,
    String text,
    String effort,
    String snippet,
    List<String> services) {

  public Fix {
    Objects.requireNonNull(dialect, "dialect");
    Objects.requireNonNull(applies, "applies");
    Objects.requireNonNull(text, "text");
    // Text blocks end with a newline; a snippet is printed inside its own fence.
    if (snippet != null) snippet = snippet.stripTrailing();
    if (services != null) services = List.copyOf(services);
  }

  /**
   * Advice without a snippet, for a dialect where no one fix fits every subject (a language whose
   * calls go through many client libraries).
   */
  public static Fix in(Dialect dialect, String text) {
    return new Fix(dialect, null, subject -> true, text, null, null, null);
  }

  /** Advice for every subject written in this dialect. */
  public static Fix in(Dialect dialect, String text, String snippet) {
    return new Fix(dialect, null, subject -> true, text, null, snippet, null);
  }

  /** The same advice, only for subjects that are what {@code when} says. */
  public Fix when(String what, Predicate<Resource> test) {
    return new Fix(dialect, what, test, text, effort, snippet, services);
  }

  /**
   * The same advice, only for subjects of these native types (or generated from a resource of one
   * of them, as SAM's event source mappings are from its function).
   */
  public Fix on(String... types) {
    Set<String> wanted = Set.of(types);
    return when(
        String.join(", ", types),
        subject -> wanted.contains(subject.type) || wanted.contains(subject.writtenType()));
  }

  /** The same advice, only for calls made through a client library whose name starts so. */
  public Fix onClient(String... clients) {
    return when(
        String.join(", ", clients),
        subject ->
            subject instanceof Integration call
                && Arrays.stream(clients).anyMatch(call.client::startsWith));
  }

  /**
   * The same advice with its own effort, when the dialect's fix takes more or less than the rule's.
   */
  public Fix effort(String ownEffort) {
    return new Fix(dialect, when, applies, text, ownEffort, snippet, services);
  }

  /**
   * The same advice naming only the AWS services this fix involves (none for a change in
   * application code alone), where the rule's list covers subjects of other kinds.
   */
  public Fix involving(String... involved) {
    return new Fix(dialect, when, applies, text, effort, snippet, List.of(involved));
  }

  /** What {@link #forRepositoryGap} advice says it is for, as the rules reference prints it. */
  static final String REPOSITORY_GAP = "a gap in the whole repository";

  /**
   * The same advice, only for the rule's repository-level gaps (nothing found anywhere) in a
   * repository written in this dialect alone: a Kubernetes-only tree is told to add Prometheus
   * alerting rules, not CloudWatch alarms.
   */
  public Fix forRepositoryGap() {
    return new Fix(
        dialect, REPOSITORY_GAP, subject -> subject == null, text, effort, snippet, services);
  }

  /**
   * Whether this advice fits a subject written in that dialect; a repository-level gap (no subject)
   * takes only advice declared {@link #forRepositoryGap for one}, never advice meant for a
   * resource.
   */
  boolean fits(Dialect subjectDialect, Resource subject) {
    if (dialect != subjectDialect) return false;
    if (subject == null) return REPOSITORY_GAP.equals(when);
    return !REPOSITORY_GAP.equals(when) && applies.test(subject);
  }
}

package dev.relplan.rules;

import dev.relplan.model.Resource;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The advice a finding gets, resolved in this one place: the rule's {@link Fix} for the dialect the
 * subject is written in and the kind of subject it is, first declared first; the rule's general
 * remediation, without a snippet, for a repository-level gap or a dialect the rule names no fix
 * for.
 *
 * @param dialect the dialect of the fix; null for the general remediation
 * @param snippet a short fix in that dialect; null for the general remediation
 * @param language the fenced-code-block language of the snippet; null without one
 * @param services the AWS services the advice involves
 */
public record Advice(
    String text,
    String effort,
    String snippet,
    String language,
    Dialect dialect,
    List<String> services) {

  public boolean hasSnippet() {
    return snippet != null;
  }

  public static Advice of(Finding finding) {
    return of(finding.rule(), finding.subject(), finding.dialect());
  }

  public static Advice of(RuleMeta rule, Resource subject) {
    return of(rule, subject, Dialect.of(subject));
  }

  private static Advice of(RuleMeta rule, Resource subject, Dialect written) {
    if (written != null) {
      for (Dialect fitting : written.fitting()) {
        for (Fix fix : rule.fixes()) {
          if (fix.fits(fitting, subject))
            return new Advice(
                fix.text(),
                fix.effort() != null ? fix.effort() : rule.effort(),
                fix.snippet(),
                fix.snippet() == null ? null : written.fence,
                fix.dialect(),
                fix.services() != null ? fix.services() : rule.awsServices());
        }
      }
    }
    return general(rule);
  }

  private static Advice general(RuleMeta rule) {
    return new Advice(rule.remediation(), rule.effort(), null, null, null, rule.awsServices());
  }

  /**
   * What one plan action for several findings of a rule says: each distinct fitted text once, in
   * finding order, each distinct effort once and the services of all; the rule's own advice when
   * there are no findings.
   */
  public static Advice forAction(RuleMeta rule, List<Finding> findings) {
    Set<String> texts = new LinkedHashSet<>();
    Set<String> efforts = new LinkedHashSet<>();
    Set<String> services = new LinkedHashSet<>();
    for (Finding f : findings) {
      Advice fitted = of(f);
      texts.add(fitted.text());
      efforts.add(fitted.effort());
      services.addAll(fitted.services());
    }
    if (texts.isEmpty()) return general(rule);
    return new Advice(
        String.join(" ", texts),
        String.join("; ", efforts),
        null,
        null,
        null,
        List.copyOf(services));
  }
}

package dev.relplan.rules;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Renders docs/rules.md from the rule metadata, so the reference can never drift from the code. */
public final class RulesDoc {
  private RulesDoc() {}

  /** {@code examples} gives, for a rule id, the example folders that exercise it (may be empty). */
  public static String render(List<Rule> rules, Function<String, List<String>> examples) {
    StringBuilder sb = new StringBuilder();
    sb.append("# relplan rules\n\n");
    sb.append(
        "Generated from the rule metadata by `RulesDocTest` (run `mvn -B test -Drelplan.updateDocs=true` after changing a rule).\n");
    sb.append(
        "Each rule is written once against the workload model, whatever input format filled it. Its class is named for its id\n");
    sb.append(
        "(drop `REL-`, capitalise each word: `REL-DB-SINGLE-AZ` is `DbSingleAz`) in the package of its domain, and its\n");
    sb.append(
        "examples are in `src/test/resources/rules/<RULE-ID>/<format>/{fail,pass,undetermined}/` for every format that can\n");
    sb.append("express it (`RuleExamplesTest`).\n\n");
    sb.append(
        "| Rule | Flag | Domain | Title | Well-Architected | Default impact × likelihood | Tier |\n");
    sb.append(
        "|------|------|--------|-------|------------------|-----------------------------|------|\n");
    for (Rule r : rules) {
      RuleMeta m = r.meta();
      sb.append("| [")
          .append(m.id())
          .append("](#")
          .append(m.id().toLowerCase(Locale.ROOT))
          .append(") | ")
          .append(m.hasFlag() ? m.flag() : "—")
          .append(" | ")
          .append(m.domain().title)
          .append(" | ")
          .append(m.title())
          .append(" | ")
          .append(String.join(", ", m.bestPractices()))
          .append(" | ")
          .append(m.impact().title)
          .append(" × ")
          .append(m.likelihood().title)
          .append(" = ")
          .append(Risk.of(m.impact(), m.likelihood()).title)
          .append(" | ")
          .append(m.tier().title)
          .append(" |\n");
    }
    for (Rule r : rules) sb.append("\n").append(section(r, examples.apply(r.meta().id())));
    return sb.toString();
  }

  /**
   * One rule's reference: what it checks and why, its rating, plan tier, remediation and advice per
   * dialect, its class, formats and example folders ({@code ex}, may be empty). Also what {@code
   * relplan explain} prints.
   */
  public static String section(Rule r, List<String> ex) {
    RuleMeta m = r.meta();
    StringBuilder sb = new StringBuilder();
    sb.append("## ").append(m.id()).append("\n\n");
    sb.append("**")
        .append(m.title())
        .append("**")
        .append(m.hasFlag() ? " — flag `" + m.flag() + "`" : "")
        .append("\n\n");
    sb.append("- Domain: ").append(m.domain().title).append("\n");
    sb.append("- Well-Architected: ")
        .append(String.join(", ", m.waQuestions()))
        .append(" — ")
        .append(String.join(", ", m.bestPractices()))
        .append("\n");
    sb.append("- Impact: ")
        .append(m.impact().title)
        .append(" — ")
        .append(m.impactReason())
        .append("\n");
    sb.append("- Likelihood: ")
        .append(m.likelihood().title)
        .append(" — ")
        .append(m.likelihoodReason())
        .append("\n");
    sb.append("- Plan tier: ")
        .append(m.tier().title)
        .append("; effort: ")
        .append(m.effort())
        .append("\n");
    if (!m.awsServices().isEmpty())
      sb.append("- AWS services: ").append(String.join(", ", m.awsServices())).append("\n");
    if (!m.dependsOn().isEmpty())
      sb.append("- Depends on: ").append(String.join(", ", m.dependsOn())).append("\n");
    sb.append("- Remediation: ").append(m.remediation()).append("\n");
    advice(sb, m);
    sb.append("- Class: `").append(sourcePath(r)).append("`\n");
    sb.append("- Formats: ")
        .append(m.formats().stream().map(f -> f.title).collect(Collectors.joining(", ")))
        .append("\n");
    if (!ex.isEmpty()) {
      sb.append("- Examples:\n");
      for (String e : ex) sb.append("  - `").append(e).append("`\n");
    }
    return sb.toString();
  }

  /**
   * The rule's advice per dialect, in the order a finding's subject is matched against it, each
   * with its snippet; the general remediation above is the fallback.
   */
  private static void advice(StringBuilder sb, RuleMeta m) {
    if (m.fixes().isEmpty()) return;
    sb.append("- Advice by dialect (first fitting entry wins; the remediation above otherwise):\n");
    for (Fix fix : m.fixes()) {
      sb.append("  - **").append(fix.dialect().title).append("**");
      if (fix.when() != null) sb.append(" (").append(fix.when()).append(")");
      sb.append(": ").append(fix.text());
      if (fix.effort() != null) sb.append(" Effort: ").append(fix.effort());
      if (fix.services() != null)
        sb.append(" AWS services: ")
            .append(fix.services().isEmpty() ? "none" : String.join(", ", fix.services()));
      sb.append("\n");
      if (fix.snippet() == null) continue;
      sb.append("    ```").append(fix.dialect().fence).append("\n");
      for (String line : fix.snippet().split("\n")) sb.append("    ").append(line).append("\n");
      sb.append("    ```\n");
    }
  }

  /** Where the rule's class is written, relative to the repository root. */
  static String sourcePath(Rule rule) {
    return "src/main/java/" + rule.getClass().getName().replace('.', '/') + ".java";
  }
}

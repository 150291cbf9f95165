package dev.relplan.cli;

import dev.relplan.rules.Rule;
import dev.relplan.rules.RuleMeta;
import dev.relplan.rules.RuleRegistry;
import picocli.CommandLine.Command;

@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description = "List every rule with its flag, domain and best practices.")
final class RulesCommand implements Runnable {
  @Override
  public void run() {
    for (Rule r : RuleRegistry.all()) {
      RuleMeta m = r.meta();
      System.out.println(
          m.id()
              + "\t"
              + (m.hasFlag() ? m.flag() : "-")
              + "\t"
              + m.domain().title
              + "\t"
              + String.join(",", m.bestPractices())
              + "\t"
              + m.title());
    }
  }
}

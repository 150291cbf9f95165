package dev.relplan.cli;

import dev.relplan.cli.args.CommandSpec;
import dev.relplan.cli.args.Option;
import dev.relplan.rules.Rule;
import dev.relplan.rules.RuleMeta;
import dev.relplan.rules.RuleRegistry;
import java.util.List;

/** {@code relplan rules}: one line a rule, tab-separated. */
final class RulesCommand {
  private RulesCommand() {}

  static final CommandSpec SPEC =
      new CommandSpec(
          "rules",
          "List every rule with its flag, domain and best practices.",
          List.of(Option.HELP, Option.VERSION),
          null,
          List.of(),
          parsed -> run());

  private static int run() {
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
    return 0;
  }
}

package dev.relplan.cli;

import dev.relplan.cli.args.CommandSpec;
import dev.relplan.cli.args.Option;
import dev.relplan.cli.args.ParsedCommand;
import dev.relplan.cli.args.Positional;
import dev.relplan.rules.InputFormat;
import dev.relplan.rules.Rule;
import dev.relplan.rules.RuleRegistry;
import dev.relplan.rules.RulesDoc;
import dev.relplan.source.InputError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code relplan explain RULE-OR-FLAG}: what a rule checks and why, how it rates, how to fix what
 * it finds in each dialect, and where its examples are — the rule's section of docs/rules.md. A
 * flag (RP-NO-TIMEOUT) explains every rule that raises it.
 */
final class ExplainCommand {
  private ExplainCommand() {}

  private static final Positional<String> NAMES =
      Positional.oneOrMore(
          "RULE-OR-FLAG",
          "A rule id (REL-DB-SINGLE-AZ) or a flag (FT-SINGLE-AZ-DATABASE), in any case;"
              + " `relplan rules` lists them.",
          s -> s);

  static final CommandSpec SPEC =
      new CommandSpec(
          "explain",
          "Explain a rule: what it checks, why, how it rates, how to fix it, its examples.",
          List.of(Option.HELP, Option.VERSION),
          NAMES,
          List.of(),
          ExplainCommand::run);

  private static int run(ParsedCommand parsed) {
    List<String> sections = new ArrayList<>();
    for (String name : parsed.positionals(NAMES)) {
      List<Rule> rules = named(name);
      if (rules.isEmpty())
        throw new InputError(
            "no rule or flag is named '" + name + "': `relplan rules` lists every rule and flag");
      for (Rule r : rules) sections.add(RulesDoc.section(r, examples(r)));
    }
    System.out.print(String.join("\n", sections));
    return 0;
  }

  /** The rules with this id, or raising this flag, in report order. */
  static List<Rule> named(String name) {
    String wanted = name.strip().toUpperCase(Locale.ROOT);
    return RuleRegistry.all().stream()
        .filter(
            r ->
                r.meta().id().equals(wanted)
                    || r.meta().hasFlag() && r.meta().flag().equals(wanted))
        .toList();
  }

  /**
   * Where the rule's examples are in the relplan repository: one folder per format that can express
   * it, each with fail/ and pass/ (and undetermined/ where a value can be unresolved), as
   * RuleExamplesTest requires.
   */
  private static List<String> examples(Rule r) {
    List<String> out = new ArrayList<>();
    for (InputFormat f : r.meta().formats())
      out.add("src/test/resources/rules/" + r.meta().id() + "/" + f.folder() + "/");
    return out;
  }
}

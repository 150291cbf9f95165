package dev.relplan.cli.args;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The help layout: synopsis, description, option table and commands on 80 columns. */
class HelpTextTest {
  static CommandSpec command(List<Option<?>> options, Positional<?> positional) {
    return new CommandSpec("run", "Runs it.", options, positional, List.of(), parsed -> 0);
  }

  @Test
  void synopsisClustersLetterFlagsThenListsFlagsSingleAndRepeatableOptionsByName() {
    CommandSpec spec =
        command(
            List.of(
                Option.single("Z", "z.", "--zeta"),
                Option.repeatable("T", "t.", "--tag"),
                Option.flag("d.", "--debug"),
                Option.HELP,
                Option.single("P", "o.", "-o", "--out"),
                Option.VERSION,
                Option.single("A", "a.", "--alpha")),
            Positional.oneOrMore("PATH", "p.", s -> s));
    assertThat(HelpText.of(spec, "run").lines().findFirst().orElseThrow())
        .isEqualTo("Usage: run [-hV] [--debug] [--alpha=A] [-o=P] [--zeta=Z] [--tag=T]... PATH...");
  }

  @Test
  void optionsAreListedByTheirShortestNameAfterThePositionalArguments() {
    CommandSpec spec =
        command(
            List.of(
                Option.single("Z", "z.", "--zeta"),
                Option.VERSION,
                Option.single("P", "o.", "-o", "--out")),
            Positional.oneOrMore("PATH", "p.", s -> s));
    assertThat(HelpText.of(spec, "run").lines().skip(2).toList())
        .containsExactly(
            "      PATH...     p.",
            "  -o, --out=P     o.",
            "  -V, --version   Print version information and exit.",
            "      --zeta=Z    z.");
  }

  @Test
  void aLongDescriptionWrapsBelowItselfIndentedByTwo() {
    String words = "word ".repeat(20).strip();
    CommandSpec spec = command(List.of(Option.single("N", words, "--name")), null);
    assertThat(HelpText.of(spec, "run").lines().skip(2).toList())
        .containsExactly(
            "      --name=N   word word word word word word word word word word word word",
            "                   word word word word word word word word");
  }

  @Test
  void noLineIsLongerThanEightyColumns() {
    String words = "abcdefghij ".repeat(30).strip();
    CommandSpec spec = command(List.of(Option.single("N", words, "--name")), null);
    assertThat(HelpText.of(spec, "run").lines()).allMatch(l -> l.length() <= 80);
  }

  @Test
  void anOptionNameWiderThanTheColumnTakesALineOfItsOwn() {
    CommandSpec spec =
        command(
            List.of(
                Option.repeatable("LEVEL", "Levels.", "--fail-on").splitOn(","),
                Option.single("N", "n.", "--name")),
            null);
    assertThat(HelpText.of(spec, "run").lines().skip(2).toList())
        .containsExactly(
            "      --fail-on=LEVEL[,LEVEL...]",
            "                             Levels.",
            "      --name=N               n.");
  }

  @Test
  void aLongSynopsisWrapsUnderItsFirstItem() {
    List<Option<?>> options = new ArrayList<>();
    for (char c = 'a'; c <= 'l'; c++) options.add(Option.single("V", c + ".", "--opt-" + c));
    List<String> lines = HelpText.of(command(options, null), "tool run").lines().toList();
    assertThat(lines.get(0))
        .isEqualTo("Usage: tool run [--opt-a=V] [--opt-b=V] [--opt-c=V] [--opt-d=V] [--opt-e=V]");
    assertThat(lines.get(1)).startsWith(" ".repeat(16) + "[--opt-f=V]");
  }

  @Test
  void aCommandWithSubcommandsListsThem() {
    CommandSpec list = new CommandSpec("ls", "Lists.", List.of(), null, List.of(), p -> 0);
    CommandSpec remove = new CommandSpec("remove", "Removes.", List.of(), null, List.of(), p -> 0);
    CommandSpec tool =
        new CommandSpec(
            "tool", "A tool.", List.of(Option.HELP), null, List.of(list, remove), p -> 0);
    assertThat(HelpText.of(tool, "tool"))
        .isEqualTo(
            """
            Usage: tool [-h] [COMMAND]
            A tool.
              -h, --help   Show this help message and exit.
            Commands:
              ls      Lists.
              remove  Removes.
            """);
  }
}

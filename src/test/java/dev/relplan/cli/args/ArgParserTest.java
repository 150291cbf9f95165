package dev.relplan.cli.args;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each option shape the parser accepts, and each usage error it reports. */
class ArgParserTest {
  static final Option<String> NAME = Option.single("NAME", "A name.", "--name");
  static final Option<String> OUTPUT = Option.single("PATH", "Where.", "-o", "--output");
  static final Option<String> TAGS = Option.repeatable("T", "Tags.", "--tag");
  static final Option<String> LEVELS = Option.repeatable("L", "Levels.", "--level").splitOn(",");
  static final Option<Integer> COUNT =
      Option.single("N", "A count.", "--count").as(Integer::valueOf);
  static final Option<Boolean> QUIET = Option.flag("Quiet.", "-q", "--quiet");
  static final Positional<Path> FILES = Positional.oneOrMore("FILE", "Files.", Path::of);

  static final CommandSpec RUN =
      new CommandSpec(
          "run",
          "Runs.",
          List.of(Option.HELP, Option.VERSION, NAME, OUTPUT, TAGS, LEVELS, COUNT, QUIET),
          FILES,
          List.of(),
          parsed -> 0);
  static final CommandSpec LIST =
      new CommandSpec("list", "Lists.", List.of(Option.HELP), null, List.of(), parsed -> 0);
  static final CommandSpec TOOL =
      new CommandSpec(
          "tool",
          "A tool.",
          List.of(Option.HELP, Option.VERSION),
          null,
          List.of(RUN, LIST),
          p -> 0);

  static ParsedCommand run(String... args) {
    List<String> line = new ArrayList<>(List.of("run"));
    line.addAll(List.of(args));
    return ArgParser.parse(TOOL, line).innermost();
  }

  static UsageError error(String... args) {
    try {
      ArgParser.parse(TOOL, List.of(args));
    } catch (UsageError e) {
      return e;
    }
    throw new AssertionError("no usage error for " + List.of(args));
  }

  @Test
  void longOptionTakesTheNextArgumentAsItsValue() {
    assertThat(run("a", "--name", "orders").value(NAME)).isEqualTo("orders");
  }

  @Test
  void longOptionTakesTheValueAfterTheEqualsSign() {
    assertThat(run("a", "--name=orders=v2").value(NAME)).isEqualTo("orders=v2");
  }

  @Test
  void anAttachedValueIsTakenEvenWhenItLooksLikeAnOption() {
    assertThat(run("a", "--name=--output").value(NAME)).isEqualTo("--output");
  }

  @Test
  void shortOptionTakesTheNextArgument() {
    assertThat(run("a", "-o", "out.md").value(OUTPUT)).isEqualTo("out.md");
  }

  @Test
  void shortOptionTakesTheRestOfItsWord() {
    assertThat(run("a", "-oout.md").value(OUTPUT)).isEqualTo("out.md");
  }

  @Test
  void shortOptionTakesTheValueAfterTheEqualsSign() {
    assertThat(run("a", "-o=out.md").value(OUTPUT)).isEqualTo("out.md");
  }

  @Test
  void aValueStartingWithADashThatIsNoOptionIsTaken() {
    assertThat(run("a", "--name", "-5").value(NAME)).isEqualTo("-5");
  }

  @Test
  void anEmptyValueIsAValue() {
    assertThat(run("a", "--name", "").value(NAME)).isEmpty();
  }

  @Test
  void clusteredFlagsAreEachSet() {
    ParsedCommand parsed = run("-qh");
    assertThat(parsed.flag(QUIET)).isTrue();
    assertThat(parsed.flag(Option.HELP)).isTrue();
  }

  @Test
  void aClusterMayEndWithAnOptionTakingTheRestAsItsValue() {
    ParsedCommand parsed = run("a", "-qoout.md");
    assertThat(parsed.flag(QUIET)).isTrue();
    assertThat(parsed.value(OUTPUT)).isEqualTo("out.md");
  }

  @Test
  void aFlagMayBeTurnedOffExplicitly() {
    ParsedCommand parsed = run("a", "--quiet=false");
    assertThat(parsed.has(QUIET)).isTrue();
    assertThat(parsed.flag(QUIET)).isFalse();
  }

  @Test
  void aFlagNotGivenIsFalse() {
    assertThat(run("a").flag(QUIET)).isFalse();
  }

  @Test
  void aRepeatedOptionKeepsEveryValueInOrder() {
    assertThat(run("a", "--tag", "x", "--tag=y", "--tag", "x").values(TAGS))
        .containsExactly("x", "y", "x");
  }

  @Test
  void aSplitOptionSplitsEachValueKeepingEmptyParts() {
    assertThat(run("a", "--level", "high,,low", "--level=medium").values(LEVELS))
        .containsExactly("high", "", "low", "medium");
  }

  @Test
  void valuesAreConvertedByTheOptionsConverter() {
    assertThat(run("a", "--count", "42").value(COUNT)).isEqualTo(42);
  }

  @Test
  void positionalArgumentsMayComeBetweenOptions() {
    assertThat(run("a", "--quiet", "b", "--name", "n", "c").positionals(FILES))
        .containsExactly(Path.of("a"), Path.of("b"), Path.of("c"));
  }

  @Test
  void doubleDashEndsTheOptions() {
    ParsedCommand parsed = run("--", "--name", "-q");
    assertThat(parsed.positionals(FILES)).containsExactly(Path.of("--name"), Path.of("-q"));
    assertThat(parsed.has(NAME)).isFalse();
  }

  @Test
  void aLoneDashIsAPositionalArgument() {
    assertThat(run("-").positionals(FILES)).containsExactly(Path.of("-"));
  }

  @Test
  void theSubcommandIsTheInnermostCommandAndNamesItsPath() {
    ParsedCommand parsed = ArgParser.parse(TOOL, List.of("--version", "list"));
    assertThat(parsed.flag(Option.VERSION)).isTrue();
    assertThat(parsed.innermost().spec()).isSameAs(LIST);
    assertThat(parsed.innermost().path()).isEqualTo("tool list");
  }

  @Test
  void helpExcusesAMissingRequiredArgument() {
    assertThat(run("--help").flag(Option.HELP)).isTrue();
  }

  @Test
  void aMissingRequiredArgumentIsAnError() {
    UsageError e = error("run", "--quiet");
    assertThat(e).hasMessage("Missing required parameter: 'FILE'");
    assertThat(e.commandPath()).isEqualTo("tool run");
  }

  @Test
  void anUnknownOptionIsAnErrorBeforeAMissingArgument() {
    assertThat(error("run", "--bogus")).hasMessage("Unknown option: '--bogus'");
  }

  @Test
  void anUnknownOptionOfTheParentIsNamedWithTheParentsPath() {
    UsageError e = error("--name", "x", "run", "a");
    assertThat(e).hasMessage("Unknown option: '--name'");
    assertThat(e.commandPath()).isEqualTo("tool");
  }

  @Test
  void anUnknownLetterInAClusterIsAnUnknownOption() {
    assertThat(error("run", "a", "-qz")).hasMessage("Unknown option: '-qz'");
  }

  @Test
  void anUnknownCommandListsTheCommands() {
    assertThat(error("bogus")).hasMessage("Unknown command: 'bogus': use run or list");
  }

  @Test
  void aValueMissingAtTheEndIsAnError() {
    assertThat(error("run", "a", "-o"))
        .hasMessage("Missing required parameter for option '--output' (PATH)");
  }

  @Test
  void anOptionWhereAValueShouldBeIsAnError() {
    assertThat(error("run", "a", "--name", "-q"))
        .hasMessage("Expected parameter for option '--name' but found '-q'");
  }

  @Test
  void aSingleValueOptionGivenTwiceIsAnError() {
    assertThat(error("run", "a", "--name", "x", "--name=y"))
        .hasMessage("option '--name' (NAME) should be specified only once");
  }

  @Test
  void aFlagGivenTwiceIsAnError() {
    assertThat(error("run", "a", "-q", "--quiet"))
        .hasMessage("option '--quiet' should be specified only once");
  }

  @Test
  void aFlagWithAValueOtherThanTrueOrFalseIsAnError() {
    assertThat(error("run", "a", "--quiet=maybe"))
        .hasMessage("Invalid value for option '--quiet': 'maybe' is not a boolean");
  }

  @Test
  void aValueTheConverterRejectsIsAnError() {
    assertThat(error("run", "a", "--count", "many").getMessage())
        .startsWith("Invalid value for option '--count': ")
        .contains("many");
  }

  @Test
  void anArgumentToACommandThatTakesNoneIsAnError() {
    UsageError e = error("list", "extra");
    assertThat(e).hasMessage("Unexpected argument: 'extra': list takes no arguments");
    assertThat(e.commandPath()).isEqualTo("tool list");
  }
}

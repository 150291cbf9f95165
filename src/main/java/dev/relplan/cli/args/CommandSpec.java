package dev.relplan.cli.args;

import java.util.List;
import java.util.Optional;

/**
 * A command declared as data: its options, its positional arguments, its subcommands and what it
 * does. The parser, the help text and the error messages come from it.
 *
 * @param name the word that selects it ({@code assess}); the program's name for the root
 * @param description the help text's first paragraph
 * @param options the options it accepts, help and version included when it offers them
 * @param positional its positional arguments, or null when it takes none
 * @param subcommands the commands that may follow its options
 * @param action what it does when neither help nor the version is asked for
 */
public record CommandSpec(
    String name,
    String description,
    List<Option<?>> options,
    Positional<?> positional,
    List<CommandSpec> subcommands,
    Action action) {

  public CommandSpec {
    options = List.copyOf(options);
    subcommands = List.copyOf(subcommands);
    if (positional != null && !subcommands.isEmpty())
      throw new IllegalArgumentException(
          name + ": a command takes either positional arguments or subcommands");
  }

  /** The option one of whose names this is, if any. */
  Optional<Option<?>> option(String optionName) {
    for (Option<?> o : options) if (o.names().contains(optionName)) return Optional.of(o);
    return Optional.empty();
  }

  /** The subcommand of this name, if any. */
  Optional<CommandSpec> subcommand(String word) {
    return subcommands.stream().filter(c -> c.name().equals(word)).findFirst();
  }
}

package dev.relplan.cli.args;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one command on the command line was given: its options' converted values, its positional
 * arguments and the subcommand that followed, if any.
 */
public final class ParsedCommand {
  private final CommandSpec spec;
  private final String path;

  /** Converted values by the option's longest name, in the order given. */
  private final Map<String, List<Object>> values = new LinkedHashMap<>();

  private final List<Object> positionals = new ArrayList<>();
  private ParsedCommand subcommand;

  ParsedCommand(CommandSpec spec, String path) {
    this.spec = spec;
    this.path = path;
  }

  public CommandSpec spec() {
    return spec;
  }

  /** The words that select this command, the program's name first ({@code relplan assess}). */
  public String path() {
    return path;
  }

  /** Whether the option was given. */
  public boolean has(Option<?> option) {
    return values.containsKey(option.longestName());
  }

  /** A flag's value: false when not given, or given as {@code --flag=false}. */
  public boolean flag(Option<Boolean> option) {
    return Boolean.TRUE.equals(value(option));
  }

  /** The option's value, or null when it was not given; the last one of a repeatable option. */
  public <T> T value(Option<T> option) {
    List<T> all = values(option);
    return all.isEmpty() ? null : all.get(all.size() - 1);
  }

  /** Every value of the option in the order given (split values each on their own). */
  @SuppressWarnings("unchecked") // stored by add() from this option's own converter
  public <T> List<T> values(Option<T> option) {
    return (List<T>) List.copyOf(values.getOrDefault(option.longestName(), List.of()));
  }

  /** The positional arguments, converted. */
  @SuppressWarnings("unchecked") // there is one positional declaration a command
  public <T> List<T> positionals(Positional<T> positional) {
    return (List<T>) List.copyOf(positionals);
  }

  public Optional<ParsedCommand> subcommand() {
    return Optional.ofNullable(subcommand);
  }

  /** This command and the subcommands that followed it, outermost first. */
  public List<ParsedCommand> chain() {
    List<ParsedCommand> chain = new ArrayList<>();
    for (ParsedCommand c = this; c != null; c = c.subcommand) chain.add(c);
    return chain;
  }

  /** The last command on the line: the one to run. */
  public ParsedCommand innermost() {
    List<ParsedCommand> chain = chain();
    return chain.get(chain.size() - 1);
  }

  /** Whether help or the version was asked for here: required arguments are then not required. */
  boolean asksForInformation() {
    for (Option<?> o : spec.options())
      if (o.purpose() != Option.Purpose.VALUE && Boolean.TRUE.equals(value(o))) return true;
    return false;
  }

  void add(Option<?> option, Object value) {
    values.computeIfAbsent(option.longestName(), k -> new ArrayList<>()).add(value);
  }

  int positionalCount() {
    return positionals.size();
  }

  void addPositional(Object value) {
    positionals.add(value);
  }

  void setSubcommand(ParsedCommand parsed) {
    this.subcommand = parsed;
  }
}

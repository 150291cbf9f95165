package dev.relplan.cli.args;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Parses a command line against a {@link CommandSpec} tree. Accepted shapes: {@code --name value},
 * {@code --name=value}, {@code -x value}, {@code -xvalue}, {@code -x=value}, clustered one-letter
 * flags ({@code -hV}), repeated options, {@code --} ending the options, and a subcommand word after
 * its parent's options. A value is taken as given, even when it starts with a dash ({@code --target
 * -5}), unless it is one of the command's option names: then the value was forgotten.
 */
public final class ArgParser {
  private final List<String> args;
  private int next;

  private ArgParser(List<String> args) {
    this.args = args;
  }

  /** The parsed command line, or a {@link UsageError} naming the first thing that is wrong. */
  public static ParsedCommand parse(CommandSpec root, List<String> args) {
    ArgParser parser = new ArgParser(List.copyOf(args));
    ParsedCommand parsed = parser.parseCommand(root, root.name());
    boolean information = parsed.chain().stream().anyMatch(ParsedCommand::asksForInformation);
    if (!information) checkRequired(parsed);
    return parsed;
  }

  /** Reads the arguments of one command, up to the end or its subcommand's word. */
  private ParsedCommand parseCommand(CommandSpec spec, String path) {
    ParsedCommand parsed = new ParsedCommand(spec, path);
    boolean optionsEnded = false;
    while (next < args.size()) {
      String arg = args.get(next++);
      if (!optionsEnded && arg.equals("--")) {
        optionsEnded = true;
      } else if (!optionsEnded && looksLikeOption(arg)) {
        readOption(spec, parsed, arg);
      } else if (!spec.subcommands().isEmpty()) {
        CommandSpec sub = subcommandNamed(spec, path, arg);
        parsed.setSubcommand(parseCommand(sub, path + " " + sub.name()));
        return parsed;
      } else {
        addPositional(spec, parsed, arg);
      }
    }
    return parsed;
  }

  private static boolean looksLikeOption(String arg) {
    return arg.length() > 1 && arg.charAt(0) == '-';
  }

  private static CommandSpec subcommandNamed(CommandSpec spec, String path, String word) {
    return spec.subcommand(word)
        .orElseThrow(
            () ->
                new UsageError(
                    path,
                    "Unknown command: '"
                        + word
                        + "': use "
                        + orList(spec.subcommands().stream().map(CommandSpec::name).toList())));
  }

  private static void addPositional(CommandSpec spec, ParsedCommand parsed, String arg) {
    Positional<?> positional = spec.positional();
    if (positional == null)
      throw new UsageError(
          parsed.path(),
          "Unexpected argument: '" + arg + "': " + spec.name() + " takes no arguments");
    parsed.addPositional(
        convert(parsed, "parameter '" + positional.label() + "'", positional.converter(), arg));
  }

  /**
   * One option word: {@code --name[=value]}, {@code -x[value]}, {@code -x=value} or {@code -xyz}.
   */
  private void readOption(CommandSpec spec, ParsedCommand parsed, String arg) {
    int equals = arg.indexOf('=');
    String name = equals < 0 ? arg : arg.substring(0, equals);
    Optional<Option<?>> exact = spec.option(name);
    if (exact.isPresent()) {
      set(parsed, exact.get(), equals < 0 ? null : arg.substring(equals + 1));
      return;
    }
    Optional<Option<?>> first =
        arg.startsWith("--") ? Optional.empty() : spec.option(arg.substring(0, 2));
    if (first.isEmpty()) throw new UsageError(parsed.path(), "Unknown option: '" + arg + "'");
    Option<?> option = first.get();
    String rest = arg.substring(2);
    if (option.kind() != Option.Kind.FLAG) {
      set(parsed, option, rest);
      return;
    }
    // A cluster of one-letter options (-hV): flags, perhaps ending with one that takes the rest,
    // or the next argument, as its value.
    set(parsed, option, null);
    for (int i = 0; i < rest.length(); i++) {
      Optional<Option<?>> letter = spec.option("-" + rest.charAt(i));
      if (letter.isEmpty()) throw new UsageError(parsed.path(), "Unknown option: '" + arg + "'");
      if (letter.get().kind() != Option.Kind.FLAG) {
        set(parsed, letter.get(), i + 1 < rest.length() ? rest.substring(i + 1) : null);
        return;
      }
      set(parsed, letter.get(), null);
    }
  }

  /**
   * Records an option with its attached value, or the next argument as its value when it needs one.
   */
  private void set(ParsedCommand parsed, Option<?> option, String attached) {
    if (option.kind() != Option.Kind.REPEATABLE && parsed.has(option))
      throw new UsageError(
          parsed.path(), "option " + option.quoted() + " should be specified only once");
    if (option.kind() == Option.Kind.FLAG) {
      parsed.add(
          option,
          convert(
              parsed,
              "option '" + option.longestName() + "'",
              option.converter(),
              attached == null ? "true" : attached));
      return;
    }
    String value = attached == null ? takeValue(parsed, option) : attached;
    for (String part : split(value, option.separator()))
      parsed.add(
          option,
          convert(parsed, "option '" + option.longestName() + "'", option.converter(), part));
  }

  /** The next argument as the option's value, unless there is none or it is an option itself. */
  private String takeValue(ParsedCommand parsed, Option<?> option) {
    if (next >= args.size())
      throw new UsageError(
          parsed.path(), "Missing required parameter for option " + option.quoted());
    String candidate = args.get(next);
    if (isOptionOf(parsed.spec(), candidate))
      throw new UsageError(
          parsed.path(),
          "Expected parameter for option '"
              + option.longestName()
              + "' but found '"
              + candidate
              + "'");
    next++;
    return candidate;
  }

  /** Whether the argument names one of the command's options (perhaps with a value attached). */
  private static boolean isOptionOf(CommandSpec spec, String arg) {
    if (!looksLikeOption(arg)) return false;
    int equals = arg.indexOf('=');
    if (spec.option(equals < 0 ? arg : arg.substring(0, equals)).isPresent()) return true;
    return !arg.startsWith("--") && spec.option(arg.substring(0, 2)).isPresent();
  }

  private static Object convert(
      ParsedCommand parsed, String what, Function<String, ?> converter, String value) {
    try {
      return converter.apply(value);
    } catch (IllegalArgumentException e) {
      throw new UsageError(
          parsed.path(), "Invalid value for " + what + ": " + firstLine(e.getMessage()));
    }
  }

  /** The value's parts between separators, empty ones included; the value itself without one. */
  private static List<String> split(String value, String separator) {
    if (separator == null) return List.of(value);
    List<String> parts = new ArrayList<>();
    int start = 0;
    for (int at = value.indexOf(separator); at >= 0; at = value.indexOf(separator, start)) {
      parts.add(value.substring(start, at));
      start = at + separator.length();
    }
    parts.add(value.substring(start));
    return parts;
  }

  private static void checkRequired(ParsedCommand parsed) {
    for (ParsedCommand command : parsed.chain()) {
      Positional<?> positional = command.spec().positional();
      if (positional != null && positional.required() && command.positionalCount() == 0)
        throw new UsageError(
            command.path(), "Missing required parameter: '" + positional.label() + "'");
    }
  }

  private static String firstLine(String message) {
    return message == null ? "invalid" : message.lines().findFirst().orElse("");
  }

  /** "a, b or c". */
  static String orList(List<String> items) {
    int last = items.size() - 1;
    return last <= 0
        ? String.join("", items)
        : String.join(", ", items.subList(0, last)) + " or " + items.get(last);
  }
}

package dev.relplan.cli.args;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * One option a command accepts, declared as data: the parser, the help text and the error messages
 * are all derived from it. Options are told apart by their longest name, so a copy with another
 * description ({@link #describedAs}) reads the same values.
 *
 * @param names every spelling, e.g. {@code -o} and {@code --output}
 * @param label what the value is called in help and errors, e.g. {@code FILE}; null for a flag
 * @param kind whether it takes a value and how often it may be given
 * @param separator a value is split on this into several (e.g. {@code ,}); null when it is not
 * @param description the help text
 * @param converter turns each value into what the command reads; an {@link
 *     IllegalArgumentException} it throws becomes a usage error
 * @param purpose whether giving it asks for help or the version instead of a run
 */
public record Option<T>(
    List<String> names,
    String label,
    Kind kind,
    String separator,
    String description,
    Function<String, T> converter,
    Purpose purpose) {

  /** How many values an option takes. */
  public enum Kind {
    /** No value; may be written {@code --flag=true} or {@code --flag=false}. Once at most. */
    FLAG,
    /** One value, given once at most. */
    SINGLE,
    /** One value each time; may be given any number of times. */
    REPEATABLE
  }

  /** What giving the option does besides setting it. */
  public enum Purpose {
    VALUE,
    HELP,
    VERSION
  }

  /** The standard {@code -h, --help}. */
  public static final Option<Boolean> HELP =
      new Option<>(
          List.of("-h", "--help"),
          null,
          Kind.FLAG,
          null,
          "Show this help message and exit.",
          Option::parseBoolean,
          Purpose.HELP);

  /** The standard {@code -V, --version}. */
  public static final Option<Boolean> VERSION =
      new Option<>(
          List.of("-V", "--version"),
          null,
          Kind.FLAG,
          null,
          "Print version information and exit.",
          Option::parseBoolean,
          Purpose.VERSION);

  public Option {
    names = List.copyOf(names);
    if (names.isEmpty()) throw new IllegalArgumentException("an option needs a name");
    if ((kind == Kind.FLAG) != (label == null))
      throw new IllegalArgumentException("a flag has no value label; other options have one");
  }

  /** An option without a value. */
  public static Option<Boolean> flag(String description, String... names) {
    return new Option<>(
        List.of(names), null, Kind.FLAG, null, description, Option::parseBoolean, Purpose.VALUE);
  }

  /** An option given at most once with one value. */
  public static Option<String> single(String label, String description, String... names) {
    return new Option<>(
        List.of(names), label, Kind.SINGLE, null, description, value -> value, Purpose.VALUE);
  }

  /** An option that may be repeated, each time with one value. */
  public static Option<String> repeatable(String label, String description, String... names) {
    return new Option<>(
        List.of(names), label, Kind.REPEATABLE, null, description, value -> value, Purpose.VALUE);
  }

  /** The same option, its values converted by this function. */
  public <U> Option<U> as(Function<String, U> valueConverter) {
    return new Option<>(names, label, kind, separator, description, valueConverter, purpose);
  }

  /** The same option, each value split on this separator into several. */
  public Option<T> splitOn(String valueSeparator) {
    return new Option<>(names, label, kind, valueSeparator, description, converter, purpose);
  }

  /** The same option with another help text (one computed when the command is built). */
  public Option<T> describedAs(String text) {
    return new Option<>(names, label, kind, separator, text, converter, purpose);
  }

  /** The name that identifies it in errors and in the parsed result. */
  public String longestName() {
    return names.stream().max(Comparator.comparingInt(String::length)).orElseThrow();
  }

  /** The one-letter {@code -x} spelling, or null. */
  String shortName() {
    return names.stream()
        .filter(n -> n.length() == 2 && !n.startsWith("--"))
        .findFirst()
        .orElse(null);
  }

  /** The first {@code --long} spelling, or null. */
  String longName() {
    return names.stream().filter(n -> n.startsWith("--")).findFirst().orElse(null);
  }

  /** The shortest name without its dashes, lower case: the order of help entries. */
  String sortKey() {
    String shortest = names.stream().min(Comparator.comparingInt(String::length)).orElseThrow();
    int start = 0;
    while (start < shortest.length() && shortest.charAt(start) == '-') start++;
    return shortest.substring(start).toLowerCase(Locale.ROOT);
  }

  /** {@code =LABEL}, {@code =LABEL[,LABEL...]} when split; empty for a flag. */
  String valueSuffix() {
    if (label == null) return "";
    return separator == null ? "=" + label : "=" + label + "[" + separator + label + "...]";
  }

  /** "'--name' (LABEL)" or "'--name'", as errors name it. */
  String quoted() {
    return "'" + longestName() + "'" + (label == null ? "" : " (" + label + ")");
  }

  private static Boolean parseBoolean(String value) {
    if (value.equalsIgnoreCase("true")) return Boolean.TRUE;
    if (value.equalsIgnoreCase("false")) return Boolean.FALSE;
    throw new IllegalArgumentException("'" + value + "' is not a boolean");
  }
}

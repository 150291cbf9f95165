package dev.relplan.cli.args;

import java.util.function.Function;

/**
 * The arguments a command takes after (or between) its options, e.g. {@code PATH...}.
 *
 * @param label what one argument is called in help and errors
 * @param description the help text
 * @param required whether at least one must be given
 * @param converter turns each argument into what the command reads
 */
public record Positional<T>(
    String label, String description, boolean required, Function<String, T> converter) {

  /** One or more arguments. */
  public static <T> Positional<T> oneOrMore(
      String label, String description, Function<String, T> converter) {
    return new Positional<>(label, description, true, converter);
  }

  /** {@code LABEL...}, as help shows it. */
  String display() {
    return label + "...";
  }
}

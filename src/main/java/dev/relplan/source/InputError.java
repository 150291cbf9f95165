package dev.relplan.source;

/**
 * A problem with the command line, settings or input files; the message names the problem and the
 * fix.
 */
public final class InputError extends RuntimeException {
  public InputError(String message) {
    super(message);
  }
}

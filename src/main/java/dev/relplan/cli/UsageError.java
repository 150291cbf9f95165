package dev.relplan.cli;

/** A problem with the command line or its input files; the message names the problem and the fix. */
final class UsageError extends RuntimeException {
  UsageError(String message) {
    super(message);
  }
}

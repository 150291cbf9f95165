package dev.relplan.cli.args;

/**
 * A command line the commands cannot accept: an unknown option, a missing value or argument, a
 * value given twice. The message is one line; {@link #commandPath} names the command whose help
 * explains what is accepted ({@code relplan assess}).
 */
public final class UsageError extends RuntimeException {
  private final String commandPath;

  UsageError(String commandPath, String message) {
    super(message);
    this.commandPath = commandPath;
  }

  public String commandPath() {
    return commandPath;
  }
}

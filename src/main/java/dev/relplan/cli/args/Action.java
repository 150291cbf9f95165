package dev.relplan.cli.args;

/** What a command does with its parsed arguments; the result is the process exit code. */
@FunctionalInterface
public interface Action {
  int run(ParsedCommand parsed) throws Exception;
}

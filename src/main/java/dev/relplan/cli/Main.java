package dev.relplan.cli;

import dev.relplan.cli.args.ArgParser;
import dev.relplan.cli.args.CommandSpec;
import dev.relplan.cli.args.HelpText;
import dev.relplan.cli.args.Option;
import dev.relplan.cli.args.ParsedCommand;
import dev.relplan.cli.args.UsageError;
import dev.relplan.report.Renderers;
import dev.relplan.source.InputError;
import java.util.List;

/** The relplan command line. */
public final class Main {
  public static final String VERSION = "0.1.0";

  private Main() {}

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /**
   * Runs the command line and returns the exit code: 0 done, 1 --fail-on reached, 2 usage or input
   * error, 3 internal error (out of memory included: never 1, which a CI gate would read as
   * findings).
   */
  public static int execute(String... args) {
    return execute(Renderers.all(), args);
  }

  /** Runs the command line offering these output formats. */
  static int execute(Renderers renderers, String... args) {
    CommandSpec root = commands(renderers);
    ParsedCommand parsed;
    try {
      parsed = ArgParser.parse(root, List.of(args));
    } catch (UsageError e) {
      System.err.println("relplan: " + e.getMessage() + " (see " + e.commandPath() + " --help)");
      return 2;
    }
    ParsedCommand command = parsed.innermost();
    try {
      // Help or the version, asked for at any level, is answered instead of running.
      for (ParsedCommand level : parsed.chain()) {
        if (level.flag(Option.HELP)) {
          System.out.print(HelpText.of(level.spec(), level.path()));
          return 0;
        }
        if (level.flag(Option.VERSION)) {
          System.out.println("relplan " + VERSION);
          return 0;
        }
      }
      return command.spec().action().run(command);
    } catch (InputError e) {
      return inputError(e);
    } catch (Throwable e) {
      // Errors (stack overflow, out of memory) too: never let the JVM exit with status 1, which
      // means "--fail-on threshold reached".
      return internalError(e, command.flag(AssessCommand.DEBUG));
    }
  }

  /** relplan, its options and its subcommands. */
  private static CommandSpec commands(Renderers renderers) {
    return new CommandSpec(
        "relplan",
        "Writes an evidence-backed reliability improvement plan from a repository's"
            + " infrastructure-as-code.",
        List.of(Option.HELP, Option.VERSION),
        null,
        List.of(
            AssessCommand.spec(renderers),
            GenerateCommand.SPEC,
            RulesCommand.SPEC,
            ExplainCommand.SPEC,
            InitCommand.SPEC,
            PortfolioCommand.SPEC,
            McpCommand.SPEC),
        parsed -> {
          System.out.print(HelpText.of(parsed.spec(), parsed.path()));
          return 0;
        });
  }

  private static int inputError(Exception e) {
    System.err.println("relplan: " + e.getMessage());
    return 2;
  }

  /** One line, the trace only with --debug; out of memory with how to give the JVM more. */
  static int internalError(Throwable e, boolean debug) {
    Throwable cause = rootOutOfMemory(e);
    if (cause != null) {
      System.err.println(
          "relplan: out of memory: raise the heap limit, e.g. RELPLAN_JAVA_OPTS=-Xmx2g relplan"
              + " ... (JAVA_OPTS is read too), or assess fewer paths at once");
    } else {
      System.err.println(
          "relplan: internal error: "
              + e.toString().lines().findFirst().orElse("")
              + " (please report it with the input that caused it; rerun with --debug for the"
              + " trace)");
    }
    if (debug) e.printStackTrace();
    return 3;
  }

  /** The out-of-memory error in the cause chain (worker threads wrap it), or null. */
  private static Throwable rootOutOfMemory(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof OutOfMemoryError) return t;
      if (t.getCause() == t) break;
    }
    return null;
  }
}

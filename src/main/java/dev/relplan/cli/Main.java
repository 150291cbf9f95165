package dev.relplan.cli;

import dev.relplan.report.Renderers;
import dev.relplan.source.InputError;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The relplan command line. */
@Command(
    name = "relplan",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description =
        "Writes an evidence-backed reliability improvement plan from a repository's infrastructure-as-code.",
    subcommands = {AssessCommand.class, RulesCommand.class})
public final class Main implements Runnable {
  public static final String VERSION = "0.1.0";

  /**
   * Creates the assess command with the output formats on offer, every other class as picocli does.
   */
  private record Commands(Renderers renderers) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> cls) throws Exception {
      if (cls == AssessCommand.class) return cls.cast(new AssessCommand(renderers));
      return CommandLine.defaultFactory().create(cls);
    }
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"relplan " + VERSION};
    }
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

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
    CommandLine cl = new CommandLine(new Main(), new Commands(renderers));
    cl.getSubcommands().get("assess").setResourceBundle(AssessCommand.helpTexts(renderers));
    cl.setExecutionExceptionHandler(
        (e, cmd, parsed) ->
            e instanceof InputError ? inputError(e) : internalError(e, debugAsked(cmd)));
    cl.setParameterExceptionHandler(
        (e, a) -> {
          String msg =
              e.getMessage() == null
                  ? "invalid arguments"
                  : e.getMessage().lines().findFirst().orElse("");
          System.err.println(
              "relplan: "
                  + msg
                  + " (see relplan "
                  + (e.getCommandLine().getCommandName().equals("relplan")
                      ? ""
                      : e.getCommandLine().getCommandName() + " ")
                  + "--help)");
          return 2;
        });
    try {
      return cl.execute(args);
    } catch (Throwable e) {
      // Errors (stack overflow, out of memory) pass picocli's handler: never let the JVM exit with
      // status 1, which means "--fail-on threshold reached".
      return internalError(e, debugAsked(cl.getSubcommands().get("assess")));
    }
  }

  private static int inputError(Exception e) {
    System.err.println("relplan: " + e.getMessage());
    return 2;
  }

  private static boolean debugAsked(CommandLine cmd) {
    return cmd != null && cmd.getCommand() instanceof AssessCommand assess && assess.debug;
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

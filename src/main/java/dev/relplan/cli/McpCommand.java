package dev.relplan.cli;

import dev.relplan.cli.args.ArgParser;
import dev.relplan.cli.args.CommandSpec;
import dev.relplan.cli.args.Option;
import dev.relplan.cli.args.ParsedCommand;
import dev.relplan.cli.args.UsageError;
import dev.relplan.mcp.RelplanMcpServer;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.report.Renderers;
import dev.relplan.source.InputError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code relplan mcp [--root DIR]...}: serves relplan's tools to an AI agent over the Model Context
 * Protocol on stdin/stdout (dev.relplan.mcp). The assess tool's arguments are checked by assess's
 * own options, given to the server as {@link #request}.
 */
final class McpCommand {
  static final Option<Path> ROOTS =
      Option.repeatable(
              "DIR",
              "A folder the tools may read when the client names no roots (repeatable; default:"
                  + " the working directory).",
              "--root")
          .as(Path::of);

  static final CommandSpec SPEC =
      new CommandSpec(
          "mcp",
          "Serve assess, explain and generate to an AI agent over the Model Context Protocol"
              + " (stdio).",
          List.of(Option.HELP, Option.VERSION, ROOTS),
          null,
          List.of(),
          McpCommand::run);

  private McpCommand() {}

  private static int run(ParsedCommand parsed) throws InterruptedException {
    List<Path> roots = parsed.values(ROOTS);
    if (roots.isEmpty()) roots = List.of(Path.of(""));
    for (Path root : roots)
      if (!Files.isDirectory(root))
        throw new InputError("--root '" + root + "' is not a directory: pass a folder to serve");
    RelplanMcpServer.serve(roots, McpCommand::request, Main.VERSION);
    return 0;
  }

  /** The assess tool's arguments read as `relplan assess ARGS` reads them, then checked. */
  private static Pipeline.Request request(List<String> arguments) {
    try {
      ParsedCommand parsed =
          ArgParser.parse(AssessCommand.spec(Renderers.all()), arguments).innermost();
      return AssessCommand.request(parsed);
    } catch (UsageError e) {
      throw new InputError(e.getMessage());
    }
  }
}

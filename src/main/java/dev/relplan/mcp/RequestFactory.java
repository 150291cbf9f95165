package dev.relplan.mcp;

import dev.relplan.pipeline.Pipeline;
import java.util.List;

/**
 * Turns {@code relplan assess} arguments into a checked pipeline request: the command line gives
 * the server its own parser and checks, so a tool's options are read exactly as the CLI reads them.
 * Throws {@link dev.relplan.source.InputError} with a one-line message for a bad argument.
 */
@FunctionalInterface
public interface RequestFactory {
  Pipeline.Request fromAssessArguments(List<String> arguments);
}

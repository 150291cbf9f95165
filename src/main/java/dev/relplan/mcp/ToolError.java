package dev.relplan.mcp;

/** A tool call that cannot be answered, with the one-line reason and what to do instead. */
final class ToolError extends RuntimeException {
  ToolError(String message) {
    super(message);
  }
}

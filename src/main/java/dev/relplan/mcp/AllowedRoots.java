package dev.relplan.mcp;

import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The folders the tools may read: the roots the client names (MCP roots, file: URIs), or, when it
 * names none, the server's own (--root DIR, by default the working directory). Every path argument
 * is resolved against the first root when relative and must lie inside one of them, symbolic links
 * followed.
 */
final class AllowedRoots {
  private final List<Path> fallback;

  AllowedRoots(List<Path> fallback) {
    this.fallback = fallback.stream().map(AllowedRoots::real).toList();
  }

  /** The roots in force for this call. */
  List<Path> current(McpSyncServerExchange exchange) {
    McpSchema.ClientCapabilities caps = exchange == null ? null : exchange.getClientCapabilities();
    if (caps == null || caps.roots() == null) return fallback;
    List<Path> out = new ArrayList<>();
    for (McpSchema.Root r : exchange.listRoots().roots()) {
      URI uri = URI.create(r.uri());
      if ("file".equals(uri.getScheme())) out.add(real(Path.of(uri)));
    }
    return out.isEmpty() ? fallback : out;
  }

  /** The path argument {@code name} as an absolute path inside the roots, or a ToolError. */
  static Path confine(String value, String name, List<Path> roots) {
    if (value == null || value.isBlank())
      throw new ToolError(name + " is empty: pass a path inside " + describe(roots));
    Path given = Path.of(value);
    Path resolved = real(given.isAbsolute() ? given : roots.get(0).resolve(given));
    for (Path root : roots) if (resolved.startsWith(root)) return resolved;
    throw new ToolError(
        name
            + " '"
            + value
            + "' is outside the allowed roots ("
            + describe(roots)
            + "): pass a path inside them, or add its folder to the client's roots (or to relplan"
            + " mcp --root)");
  }

  static String describe(List<Path> roots) {
    return String.join(", ", roots.stream().map(Path::toString).toList());
  }

  /** The path with symbolic links followed when it exists, else normalised. */
  private static Path real(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    try {
      return Files.exists(abs) ? abs.toRealPath() : abs;
    } catch (IOException e) {
      return abs;
    }
  }
}

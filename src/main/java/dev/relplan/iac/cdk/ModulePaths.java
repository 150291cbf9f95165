package dev.relplan.iac.cdk;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;

/** The file a relative import names ({@code '../lib/data-stack'}), among the files read. */
final class ModulePaths {
  private ModulePaths() {}

  /** The importing file's module resolved to a TypeScript file that was read, or null. */
  static String resolve(String importer, String module, Collection<String> files) {
    String folder = importer.contains("/") ? importer.substring(0, importer.lastIndexOf('/')) : "";
    String path = normalise(folder.isEmpty() ? module : folder + "/" + module);
    if (path == null) return null;
    String compiled = path.endsWith(".js") ? path.substring(0, path.length() - 3) : path;
    for (String candidate : List.of(path, compiled + ".ts", compiled + "/index.ts"))
      if (files.contains(candidate)) return candidate;
    return null;
  }

  /** The path with its {@code .} and {@code ..} parts applied; null when it leaves the root. */
  private static String normalise(String path) {
    Deque<String> parts = new ArrayDeque<>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) continue;
      if (part.equals("..")) {
        if (parts.isEmpty()) return null;
        parts.removeLast();
      } else parts.addLast(part);
    }
    return String.join("/", parts);
  }
}

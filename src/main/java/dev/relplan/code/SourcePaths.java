package dev.relplan.code;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The scanned source file a container's command names. The path is the image's, relative to its
 * working directory (or absolute); the image's files were copied from the Dockerfile's folder, so
 * the file is the one below that folder whose path ends with the command's path. A name that
 * matches no file or several is not resolved.
 */
final class SourcePaths {
  /** What Node tries after a name without extension, and TypeScript runners after it. */
  private static final List<String> SCRIPT_SUFFIXES =
      List.of("", ".js", ".mjs", ".cjs", ".ts", "/index.js", "/index.ts");

  private SourcePaths() {}

  /**
   * The display path of the one scanned file below {@code folder} that one of the alternative paths
   * names, or null.
   */
  static String find(
      String folder, String workdir, List<String> alternatives, Set<String> sources) {
    Set<String> found = new LinkedHashSet<>();
    for (String path : alternatives) {
      boolean extensionless = EntryCommands.baseName(path).indexOf('.') < 0;
      for (String suffix : extensionless ? SCRIPT_SUFFIXES : List.of(""))
        found.addAll(matchesDroppingRoot(folder, relative(workdir, path + suffix), sources));
    }
    return found.size() == 1 ? found.iterator().next() : null;
  }

  /** The path from the working directory, without {@code ./}. */
  private static String relative(String workdir, String path) {
    String p = path;
    if (p.startsWith("/") && workdir != null && p.startsWith(workdir + "/"))
      p = p.substring(workdir.length() + 1);
    while (p.startsWith("./")) p = p.substring(2);
    while (p.startsWith("/")) p = p.substring(1);
    return p;
  }

  /**
   * The files a path names; an absolute path outside the working directory ({@code
   * /usr/src/app/server.js}) is tried without its leading folders, one at a time, until one
   * matches.
   */
  private static List<String> matchesDroppingRoot(
      String folder, String relative, Set<String> sources) {
    String p = relative;
    while (true) {
      List<String> found = matches(folder, p, sources);
      int slash = p.indexOf('/');
      if (!found.isEmpty() || slash < 0) return found;
      p = p.substring(slash + 1);
    }
  }

  /** The file at the path from the folder, else the files whose path ends with it. */
  private static List<String> matches(String folder, String relative, Set<String> sources) {
    List<String> out = new ArrayList<>();
    if (relative.isEmpty() || relative.contains("..")) return out;
    String prefix = folder.isEmpty() ? "" : folder + "/";
    if (sources.contains(prefix + relative)) return List.of(prefix + relative);
    for (String file : sources) {
      if (!file.startsWith(prefix)) continue;
      String inFolder = file.substring(prefix.length());
      if (inFolder.equals(relative) || inFolder.endsWith("/" + relative)) out.add(file);
    }
    return out;
  }
}

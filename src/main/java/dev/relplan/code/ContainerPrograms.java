package dev.relplan.code;

import dev.relplan.code.EntryPoints.Entry;
import dev.relplan.code.LocalImports.Found;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.CodeOwners;
import dev.relplan.model.Integration;
import dev.relplan.model.Value;
import dev.relplan.model.Workload;
import dev.relplan.source.FileGuard;
import dev.relplan.source.Location;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Programs that sit in a service's folder but that its container does not run: a test client beside
 * the server ({@code client.py} next to {@code server.py}, whose Dockerfile runs {@code python
 * server.py}). A file is such a program when it is one by itself — Python with an {@code if
 * __name__ == "__main__":} block, JavaScript or TypeScript that no file of the service imports, a
 * Java class with its own {@code main} other than the entry's main class — and no entry point
 * reaches it through local imports. Its calls take the environment "local", so their findings are
 * rated one level lower and say why (docs/judgment.md). Nothing is judged in a folder whose entry
 * point is unresolved, whose imports are not all known, or in code a Lambda function owns.
 */
final class ContainerPrograms {
  private final Map<String, SourceFile> files = new HashMap<>();
  private final Set<String> sources = new TreeSet<>();
  private final Map<String, Entry> entries;
  private final Map<String, Found> imports = new HashMap<>();

  /** By service folder and language ("py", "js"), the files its entries reach; null: unknown. */
  private final Map<String, Set<String>> reached = new HashMap<>();

  private ContainerPrograms(List<SourceFile> claimed) {
    List<SourceFile> declaring = new ArrayList<>();
    for (SourceFile f : claimed) {
      if (EntryPoints.isDeclaring(f.display())) declaring.add(f);
      else if (isJudged(f.display())) {
        files.put(f.display(), f);
        sources.add(f.display());
      }
    }
    entries = EntryPoints.read(declaring, sources);
  }

  /**
   * Marks the calls of programs no entry point runs as local; returns notes on service folders
   * where several programs make calls but the entry point is not resolved, so none is judged.
   */
  static List<String> mark(List<SourceFile> claimed, Workload w) {
    if (w.integrations.stream().allMatch(i -> i.environment.present())) return List.of();
    ContainerPrograms programs = new ContainerPrograms(claimed);
    if (programs.entries.isEmpty()) return List.of();
    CodeOwners owners = CodeOwners.of(w);
    Map<String, Value<String>> verdicts = new LinkedHashMap<>();
    Map<Entry, Set<String>> unjudged = new LinkedHashMap<>();
    for (Integration i : w.integrations) {
      String file = i.location.file();
      if (i.environment.present() || !programs.files.containsKey(file)) continue;
      if (!owners.sharing(file).isEmpty()) continue;
      Entry entry = programs.nearest(file);
      if (entry != null && !entry.resolved() && programs.isPythonProgram(entry, file))
        unjudged.computeIfAbsent(entry, e -> new TreeSet<>()).add(file);
      Value<String> local =
          verdicts.computeIfAbsent(file, f -> programs.judge(i.location.root(), f));
      if (local != null) i.environment = local;
    }
    List<String> notes = new ArrayList<>();
    unjudged.forEach(
        (entry, files) -> {
          if (files.size() > 1)
            notes.add(
                "programs beside a service not told apart from it ("
                    + String.join(", ", files)
                    + "): the container's entry point is not resolved ("
                    + entry.unresolved()
                    + "), so all are rated as the service");
        });
    return notes;
  }

  /** Whether a Python file is a program by itself (an {@code if __name__ == "__main__":} block). */
  private boolean isPythonProgram(Entry entry, String file) {
    return LocalImports.isPython(file) && imports(entry, file).mainLine() > 0;
  }

  private static boolean isJudged(String display) {
    return LocalImports.isPython(display)
        || LocalImports.isScript(display)
        || display.endsWith(".java");
  }

  /**
   * The environment "local" with its evidence when the file is a program no entry runs; or null.
   */
  private Value<String> judge(String root, String file) {
    Entry entry = nearest(file);
    if (entry == null || !entry.resolved() || entry.files().contains(file)) return null;
    int line = programLine(entry, file);
    if (line == 0) return null;
    // The program's own line last: the reports quote the last place of an environment's trace.
    List<Location> trace = new ArrayList<>();
    for (Location l : entry.declared()) trace.add(new Location(root, l.file(), l.line()));
    trace.add(new Location(root, file, line));
    return Value.explicit(
        "local (a program run by hand, not the container's entry point " + entry.named() + ")",
        trace);
  }

  /** The entry points of the deepest folder holding the file that declares them, or null. */
  private Entry nearest(String file) {
    for (String folder = EntryPoints.folder(file); ; folder = EntryPoints.folder(folder)) {
      Entry entry = entries.get(folder);
      if (entry != null) return entry;
      if (folder.isEmpty()) return null;
    }
  }

  /** The line that makes the file a program no entry reaches, or 0 when it is not one. */
  private int programLine(Entry entry, String file) {
    if (LocalImports.isPython(file)) {
      Found found = imports(entry, file);
      if (found.mainLine() == 0) return 0;
      Set<String> reach = reach(entry, "py");
      return reach == null || reach.contains(file) ? 0 : found.mainLine();
    }
    if (LocalImports.isScript(file)) {
      Set<String> reach = reach(entry, "js");
      if (reach == null || reach.contains(file) || importedInFolder(entry, file)) return 0;
      return 1;
    }
    return JavaMains.otherMain(entry, files.get(file), files);
  }

  /**
   * The files the entries reach through local imports in one language, or null when some import
   * there is not known (computed, aliased, unparsable).
   */
  private Set<String> reach(Entry entry, String language) {
    String key = entry.folder() + "\n" + language;
    if (reached.containsKey(key)) return reached.get(key);
    Set<String> seen = new HashSet<>();
    Deque<String> next = new ArrayDeque<>();
    for (String f : entry.files()) if (language(f).equals(language)) next.add(f);
    Set<String> out = seen;
    while (!next.isEmpty()) {
      String f = next.poll();
      if (!seen.add(f)) continue;
      Found found = imports(entry, f);
      if (!found.complete()) {
        out = null;
        break;
      }
      next.addAll(found.files());
    }
    reached.put(key, out);
    return out;
  }

  /** Whether any script of the service imports the file (a module, not a program). */
  private boolean importedInFolder(Entry entry, String file) {
    String prefix = entry.folder().isEmpty() ? "" : entry.folder() + "/";
    for (String other : sources) {
      if (!other.startsWith(prefix) || !LocalImports.isScript(other) || other.equals(file))
        continue;
      if (nearest(other) != entry) continue;
      Found found = imports(entry, other);
      if (!found.complete() || found.files().contains(file)) return true;
    }
    return false;
  }

  /** A file's local imports, read once; a file whose reading fails imports unknown files. */
  private Found imports(Entry entry, String file) {
    SourceFile f = files.get(file);
    if (f == null) return Found.UNKNOWN;
    Found known = imports.get(file);
    if (known != null) return known;
    Found[] read = {Found.UNKNOWN};
    FileGuard.run(
        file,
        () ->
            read[0] =
                LocalImports.isPython(file)
                    ? LocalImports.python(f, entry.folder(), sources)
                    : LocalImports.script(f, sources));
    imports.put(file, read[0]);
    return read[0];
  }

  private static String language(String file) {
    if (LocalImports.isPython(file)) return "py";
    return LocalImports.isScript(file) ? "js" : "other";
  }
}

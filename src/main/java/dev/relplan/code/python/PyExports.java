package dev.relplan.code.python;

import dev.relplan.discover.SourceFile;
import dev.relplan.parse.python.PyFile;
import dev.relplan.parse.python.PyNode;
import dev.relplan.parse.python.PyParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.treesitter.TSNode;

/**
 * requests sessions a module of the project makes at module level ({@code session =
 * requests.Session()}) for other modules to import: {@code from .clients import session} (relative
 * to the importing module's package) or {@code from clients import session} (the module found in
 * the importing module's folder or a folder above it).
 */
final class PyExports {
  /** A module-level client: the module that makes it and the call that makes it. */
  record Exported(PyFile file, PyNode created) {}

  static final PyExports NONE = new PyExports();

  private static final Set<String> CLIENTS =
      Set.of("requests.Session", "requests.session", "requests.sessions.Session");

  /** By module file, variable name to the client. */
  private final Map<String, Map<String, Exported>> byFile = new HashMap<>();

  private PyExports() {}

  static PyExports of(List<SourceFile> files) {
    PyExports out = new PyExports();
    for (SourceFile file : files) {
      String text = file.content();
      if (!text.contains("ession(")) continue;
      TSNode root = PyParser.tree(text).getRootNode();
      if (root.hasError()) continue;
      PyFile f =
          new PyFile(file.display(), PyNode.copy(root, text.getBytes(StandardCharsets.UTF_8)));
      Map<String, Exported> made = new HashMap<>();
      for (PyNode statement : f.root.children) {
        PyNode a =
            statement.is("expression_statement") && !statement.children.isEmpty()
                ? statement.children.get(0)
                : null;
        if (a == null || !a.is("assignment")) continue;
        PyNode left = a.field("left");
        PyNode right = a.field("right");
        if (left == null || right == null || !left.is("identifier") || !right.is("call")) continue;
        String maker = f.qualify(right.field("function")); // null: not an imported name
        if (maker != null && CLIENTS.contains(maker)) made.put(left.text(), new Exported(f, right));
      }
      if (!made.isEmpty()) out.byFile.put(file.display(), made);
    }
    return out;
  }

  /** Whether a module's text may import one of the client-making modules. */
  boolean mayBeImportedBy(String text) {
    if (byFile.isEmpty() || !text.contains("import")) return false;
    for (Map<String, Exported> names : byFile.values())
      for (String name : names.keySet()) if (text.contains(name)) return true;
    return false;
  }

  /**
   * The client a qualified name of the importing module refers to ({@code .clients.session}, {@code
   * app.clients.session}), or null.
   */
  Exported resolve(PyFile importer, String qualified) {
    if (qualified == null || byFile.isEmpty()) return null;
    int dot = qualified.lastIndexOf('.');
    if (dot <= 0) return null;
    String module = qualified.substring(0, dot);
    String name = qualified.substring(dot + 1);
    for (String candidate : candidates(importer.file, module)) {
      Map<String, Exported> made = byFile.get(candidate);
      if (made != null) return made.get(name);
    }
    return null;
  }

  /** Files a module name may be, seen from the importing file. */
  private static List<String> candidates(String importerFile, String module) {
    List<String> folder = new ArrayList<>(List.of(importerFile.split("/")));
    folder.remove(folder.size() - 1);
    List<String> out = new ArrayList<>();
    if (module.startsWith(".")) {
      int dots = 0;
      while (dots < module.length() && module.charAt(dots) == '.') dots++;
      if (dots - 1 > folder.size()) return out;
      List<String> base = folder.subList(0, folder.size() - (dots - 1));
      addModule(out, base, module.substring(dots));
      return out;
    }
    for (int up = folder.size(); up >= 0; up--) addModule(out, folder.subList(0, up), module);
    return out;
  }

  private static void addModule(List<String> out, List<String> base, String dotted) {
    String prefix = base.isEmpty() ? "" : String.join("/", base) + "/";
    String path = prefix + dotted.replace('.', '/');
    if (dotted.isEmpty()) {
      out.add(prefix + "__init__.py");
      return;
    }
    out.add(path + ".py");
    out.add(path + "/__init__.py");
  }
}

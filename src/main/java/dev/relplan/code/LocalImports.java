package dev.relplan.code;

import dev.relplan.discover.SourceFile;
import dev.relplan.parse.javascript.JsFile;
import dev.relplan.parse.javascript.JsNode;
import dev.relplan.parse.javascript.JsParser;
import dev.relplan.parse.python.PyNode;
import dev.relplan.parse.python.PyParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.treesitter.TSNode;

/**
 * The files of the same service a source file imports: Python {@code import a.b}, {@code from .
 * import x} and {@code from pkg.mod import y} resolved from the file's folder and every folder up
 * to the service's; JavaScript and TypeScript {@code require}, {@code import} and {@code export ...
 * from} of relative paths. Resolution errs towards more files: an import that may name a file
 * counts. An import whose target is computed ({@code importlib.import_module(name)}, {@code
 * require(x)}), a path alias, or a file that does not parse leaves the imports unknown.
 */
final class LocalImports {
  /** What Node and TypeScript try after a relative specifier. */
  private static final List<String> SCRIPT_SUFFIXES =
      List.of(
          "", ".js", ".mjs", ".cjs", ".jsx", ".ts", ".tsx", "/index.js", "/index.ts", "/index.tsx");

  /**
   * The local files imported; whether they are all known; the line of a Python {@code if __name__
   * == "__main__":} block at module level (0 when none).
   */
  record Found(Set<String> files, boolean complete, int mainLine) {
    static final Found UNKNOWN = new Found(Set.of(), false, 0);
  }

  private LocalImports() {}

  static boolean isPython(String display) {
    return display.endsWith(".py");
  }

  static boolean isScript(String display) {
    for (String ext : List.of(".js", ".mjs", ".cjs", ".jsx", ".ts", ".tsx"))
      if (display.endsWith(ext)) return !display.endsWith(".d.ts");
    return false;
  }

  static Found python(SourceFile file, String serviceFolder, Set<String> sources) {
    String text = file.content();
    TSNode tree = PyParser.tree(text).getRootNode();
    if (tree.hasError()) return Found.UNKNOWN;
    PyNode root = PyNode.copy(tree, text.getBytes(StandardCharsets.UTF_8));
    boolean complete = true;
    for (PyNode call : root.all("call")) {
      PyNode function = call.field("function");
      String name = function == null ? "" : function.text();
      if (name.equals("__import__") || name.endsWith("import_module")) complete = false;
    }
    List<String> bases = bases(EntryPoints.folder(file.display()), serviceFolder);
    Set<String> files = new LinkedHashSet<>();
    for (PyNode i : root.all("import_statement"))
      for (PyNode c : i.children) {
        PyNode name = c.is("aliased_import") ? c.field("name") : c;
        if (name != null && name.is("dotted_name")) modules(name.text(), bases, sources, files);
      }
    for (PyNode i : root.all("import_from_statement")) {
      PyNode module = i.field("module_name");
      if (module == null) continue;
      List<String> from = fromBases(module.text(), file.display(), bases);
      String path = module.text().substring(leadingDots(module.text()));
      modules(path, from, sources, files);
      for (PyNode c : i.children) {
        PyNode name = c.is("aliased_import") ? c.field("name") : c;
        if (c == module || name == null || !name.is("dotted_name")) continue;
        modules(path.isEmpty() ? name.text() : path + "." + name.text(), from, sources, files);
      }
    }
    return new Found(files, complete, mainLine(root));
  }

  /**
   * The folders a module name is looked up from: the file's own and each one up to the service's.
   */
  private static List<String> bases(String fileFolder, String serviceFolder) {
    List<String> out = new ArrayList<>();
    String f = fileFolder;
    while (true) {
      out.add(f);
      if (f.equals(serviceFolder) || f.isEmpty()) return out;
      f = EntryPoints.folder(f);
    }
  }

  private static int leadingDots(String module) {
    int dots = 0;
    while (dots < module.length() && module.charAt(dots) == '.') dots++;
    return dots;
  }

  /** A relative {@code from ..pkg import x} looks up from the package that many levels up. */
  private static List<String> fromBases(String module, String file, List<String> bases) {
    int dots = leadingDots(module);
    if (dots == 0) return bases;
    String folder = EntryPoints.folder(file);
    for (int up = 1; up < dots; up++) folder = EntryPoints.folder(folder);
    return List.of(folder);
  }

  /** The module's file or package, and the packages on its way ({@code a/__init__.py}). */
  private static void modules(
      String dotted, List<String> bases, Set<String> sources, Set<String> into) {
    if (dotted.isEmpty()) return;
    String[] parts = dotted.split("\\.");
    for (String base : bases) {
      StringBuilder path = new StringBuilder(base);
      for (String part : parts) {
        if (path.length() > 0) path.append('/');
        path.append(part);
        for (String candidate : List.of(path + ".py", path + "/__init__.py"))
          if (sources.contains(candidate)) into.add(candidate);
      }
    }
  }

  private static int mainLine(PyNode root) {
    for (PyNode statement : root.children) {
      if (!statement.is("if_statement")) continue;
      PyNode condition = statement.field("condition");
      if (condition != null
          && condition.text().contains("__name__")
          && condition.text().contains("__main__")) return statement.line;
    }
    return 0;
  }

  static Found script(SourceFile file, Set<String> sources) {
    String text = file.content();
    TSNode tree = JsParser.tree(file.display(), text).getRootNode();
    if (tree.hasError()) return Found.UNKNOWN;
    JsNode root = JsNode.copy(tree, text.getBytes(StandardCharsets.UTF_8));
    List<JsNode> specifiers = new ArrayList<>();
    boolean complete = true;
    for (JsNode call : root.all("call_expression")) {
      JsNode function = call.field("function");
      if (function == null || !(function.is("import") || function.text().equals("require")))
        continue;
      List<JsNode> arguments = JsFile.arguments(call);
      JsNode first = arguments.isEmpty() ? null : arguments.get(0);
      if (first != null && first.stringValue() != null) specifiers.add(first);
      else complete = false;
    }
    for (String type : List.of("import_statement", "export_statement")) {
      for (JsNode statement : root.all(type)) {
        JsNode source = statement.field("source");
        if (source != null) specifiers.add(source);
      }
    }
    Set<String> files = new LinkedHashSet<>();
    String folder = EntryPoints.folder(file.display());
    for (JsNode specifier : specifiers) {
      String spec = specifier.stringValue();
      if (spec == null) continue;
      if (spec.startsWith("@/") || spec.startsWith("~/") || spec.startsWith("#")) complete = false;
      if (spec.startsWith("./") || spec.startsWith("../"))
        files.addAll(relative(folder, spec, sources));
    }
    return new Found(files, complete, 0);
  }

  private static List<String> relative(String folder, String spec, Set<String> sources) {
    String joined = normalize(folder.isEmpty() ? spec : folder + "/" + spec);
    List<String> out = new ArrayList<>();
    if (joined == null) return out;
    List<String> stems = new ArrayList<>(List.of(joined));
    // TypeScript written for ES modules imports "./x.js" for the file x.ts.
    for (String ext : List.of(".js", ".mjs", ".cjs", ".jsx"))
      if (joined.endsWith(ext)) stems.add(joined.substring(0, joined.length() - ext.length()));
    for (String stem : stems)
      for (String suffix : SCRIPT_SUFFIXES)
        if (sources.contains(stem + suffix)) out.add(stem + suffix);
    return out;
  }

  /** The path with {@code .} and {@code ..} segments applied; null when it leaves the scan. */
  private static String normalize(String path) {
    List<String> segments = new ArrayList<>();
    for (String s : path.split("/")) {
      if (s.isEmpty() || s.equals(".")) continue;
      if (s.equals("..")) {
        if (segments.isEmpty()) return null;
        segments.remove(segments.size() - 1);
      } else segments.add(s);
    }
    return String.join("/", segments);
  }
}

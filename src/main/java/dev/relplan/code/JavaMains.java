package dev.relplan.code;

import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import dev.relplan.code.EntryPoints.Entry;
import dev.relplan.discover.SourceFile;
import dev.relplan.parse.java.JavaSource;
import java.util.Map;

/**
 * A Java class with its own {@code public static void main} that is not the main class the
 * container starts, and that the main class's file does not name: a program of its own (a test
 * client, a tool) rather than code the service runs.
 */
final class JavaMains {
  private JavaMains() {}

  /** The line of the other program's main method, or 0. */
  static int otherMain(Entry entry, SourceFile file, Map<String, SourceFile> files) {
    if (file == null) return 0;
    ParseResult<CompilationUnit> r = JavaSource.parse(file.content());
    if (!r.isSuccessful() || r.getResult().isEmpty()) return 0;
    for (ClassOrInterfaceDeclaration c :
        r.getResult().get().findAll(ClassOrInterfaceDeclaration.class)) {
      MethodDeclaration main = mainMethod(c);
      if (main == null || main.getBegin().isEmpty()) continue;
      String name = c.getFullyQualifiedName().orElse(c.getNameAsString());
      if (entry.mainClasses().contains(name) || namedByMainClass(entry, c.getNameAsString(), files))
        return 0;
      return main.getBegin().get().line;
    }
    return 0;
  }

  private static MethodDeclaration mainMethod(ClassOrInterfaceDeclaration c) {
    for (MethodDeclaration m : c.getMethodsByName("main"))
      if (m.isPublic() && m.isStatic() && m.getType().isVoidType() && m.getParameters().size() == 1)
        return m;
    return null;
  }

  /**
   * Whether the file of an entry's main class mentions the class by name: the service may call into
   * it, so it is not judged.
   */
  private static boolean namedByMainClass(
      Entry entry, String simpleName, Map<String, SourceFile> files) {
    for (String mainClass : entry.mainClasses()) {
      String path = "/" + mainClass.replace('.', '/') + ".java";
      for (Map.Entry<String, SourceFile> f : files.entrySet())
        if (f.getKey().endsWith(path) && f.getValue().content().contains(simpleName)) return true;
    }
    return false;
  }
}

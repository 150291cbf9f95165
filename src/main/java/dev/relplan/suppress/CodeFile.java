package dev.relplan.suppress;

import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.comments.JavadocComment;
import com.github.javaparser.ast.comments.LineComment;
import dev.relplan.parse.LineIndex;
import dev.relplan.parse.java.JavaSource;
import dev.relplan.parse.javascript.JsParser;
import dev.relplan.parse.python.PyParser;
import dev.relplan.parse.treesitter.TreeSitterNatives;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSTree;
import org.treesitter.TreeSitterCSharp;
import org.treesitter.TreeSitterGo;

/**
 * The comments of a source file, from its language's parser: JavaParser for Java, tree-sitter for
 * Python, JavaScript/TypeScript, Go and C# (text inside a string literal is never a comment).
 */
final class CodeFile {
  private CodeFile() {}

  /** Whether relplan reads comments of a file of this name. */
  static boolean isCode(String name) {
    return language(name) != null;
  }

  /** The comments of a source file; throws when its parser cannot read it. */
  static List<Comment> comments(String name, String content, LineIndex text) {
    String language = language(name);
    if ("java".equals(language)) return javaComments(content, text);
    TSTree tree =
        switch (language) {
          case "python" -> PyParser.tree(content);
          case "javascript" -> JsParser.tree(name, content);
          case "go" -> treeOf(new TreeSitterGo(), content);
          default -> treeOf(new TreeSitterCSharp(), content);
        };
    return treeComments(tree.getRootNode(), content.getBytes(StandardCharsets.UTF_8), text);
  }

  private static String language(String name) {
    if (name.endsWith(".java")) return "java";
    if (name.endsWith(".py")) return "python";
    if (name.endsWith(".go")) return "go";
    if (name.endsWith(".cs")) return "csharp";
    for (String ext : List.of(".js", ".mjs", ".cjs", ".jsx", ".ts", ".tsx", ".mts", ".cts"))
      if (name.endsWith(ext) && !name.endsWith(".d.ts")) return "javascript";
    return null;
  }

  private static TSTree treeOf(org.treesitter.TSLanguage grammar, String content) {
    TSParser parser = TreeSitterNatives.newParser();
    parser.setLanguage(grammar);
    return parser.parseString(null, content);
  }

  private static List<Comment> treeComments(TSNode root, byte[] source, LineIndex text) {
    List<Comment> out = new ArrayList<>();
    Deque<TSNode> todo = new ArrayDeque<>(List.of(root));
    while (!todo.isEmpty()) {
      TSNode n = todo.pop();
      if (n.getType().equals("comment")) {
        int start = n.getStartByte();
        int end = Math.min(source.length, n.getEndByte());
        String body = new String(source, start, end - start, StandardCharsets.UTF_8);
        int line = n.getStartPoint().getRow() + 1;
        out.add(new Comment(line, n.getEndPoint().getRow() + 1, ownLine(text, line, body), body));
        continue;
      }
      for (int i = n.getChildCount() - 1; i >= 0; i--) todo.push(n.getChild(i));
    }
    out.sort(java.util.Comparator.comparingInt(Comment::line));
    return out;
  }

  private static List<Comment> javaComments(String content, LineIndex text) {
    ParseResult<CompilationUnit> parsed = JavaSource.parse(content);
    CompilationUnit unit =
        parsed
            .getResult()
            .filter(u -> parsed.isSuccessful())
            .orElseThrow(() -> new IllegalArgumentException("Java that does not parse"));
    List<Comment> out = new ArrayList<>();
    for (com.github.javaparser.ast.comments.Comment c : unit.getAllComments()) {
      if (c.getRange().isEmpty()) continue;
      int line = c.getRange().get().begin.line;
      int endLine = c.getRange().get().end.line;
      String body =
          c instanceof LineComment
              ? "//" + c.getContent()
              : (c instanceof JavadocComment ? "/**" : "/*") + c.getContent() + "*/";
      out.add(new Comment(line, endLine, ownLine(text, line, body), body));
    }
    out.sort(java.util.Comparator.comparingInt(Comment::line));
    return out;
  }

  /** Whether nothing but blanks stands before the comment on its first line. */
  static boolean ownLine(LineIndex text, int line, String comment) {
    String first = comment.lines().findFirst().orElse("").strip();
    return text.text(line).stripLeading().startsWith(first);
  }
}

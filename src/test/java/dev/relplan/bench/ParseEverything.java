package dev.relplan.bench;

import dev.relplan.discover.Discovery;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.parse.java.JavaSource;
import dev.relplan.parse.treesitter.SyntaxNode;
import dev.relplan.parse.treesitter.TreeSitterNatives;
import dev.relplan.source.FileGuard;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.treesitter.TSLanguage;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TreeSitterCSharp;
import org.treesitter.TreeSitterGo;
import org.treesitter.TreeSitterJavascript;
import org.treesitter.TreeSitterPython;
import org.treesitter.TreeSitterRuby;
import org.treesitter.TreeSitterTsx;
import org.treesitter.TreeSitterTypescript;

/**
 * Parsing alone, for the denominator of "a full assessment costs at most 1.5× parsing the same
 * files": discovery (walk, read, classify, the located trees of YAML, JSON and HCL files), then
 * every code file it found parsed by its language's parser into the tree relplan's readers walk (a
 * tree-sitter parse and its copy into Java nodes, or a JavaParser compilation unit), on every core
 * as the pipeline does, and nothing else: no adapter, rule or report. It parses more code than a
 * run does (the scanners pass over files that cannot reference a library they recognise), so the
 * ratio it gives is, if anything, flattering to parsing.
 *
 * <pre>
 * java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp target/test-classes:target/relplan.jar \
 *   dev.relplan.bench.ParseEverything /tmp/sp
 * </pre>
 */
public final class ParseEverything {
  private ParseEverything() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: ParseEverything DIR");
      System.exit(2);
    }
    System.out.println(parse(Path.of(args[0])));
  }

  /** What was parsed: files, and the code files among them. */
  record Parsed(int files, int codeFiles, long topLevelNodes) {}

  static Parsed parse(Path repo) throws IOException {
    List<SourceFile> files = new Discovery().discover(List.of(repo)).files();
    List<SourceFile> code = files.stream().filter(f -> f.kind() == FileKind.SOURCE_CODE).toList();
    List<Long> nodes = FileGuard.parallel(code, ParseEverything::parseCode);
    return new Parsed(files.size(), code.size(), nodes.stream().mapToLong(Long::longValue).sum());
  }

  /** One code file's tree; its number of top-level nodes, so that nothing is optimised away. */
  private static long parseCode(SourceFile f) {
    String name = f.display();
    if (name.endsWith(".java"))
      return JavaSource.parse(f.content()).getResult().map(u -> u.getTypes().size()).orElse(0);
    TSLanguage grammar = grammar(name);
    if (grammar == null) return 0; // Kotlin: not parsed by relplan
    TSParser parser = TreeSitterNatives.newParser();
    parser.setLanguage(grammar);
    TSNode root = parser.parseString(null, f.content()).getRootNode();
    return Plain.copy(root, f.content().getBytes(StandardCharsets.UTF_8)).children.size();
  }

  private static TSLanguage grammar(String name) {
    if (name.endsWith(".py")) return new TreeSitterPython();
    if (name.endsWith(".tsx")) return new TreeSitterTsx();
    if (name.endsWith(".ts")) return new TreeSitterTypescript();
    if (name.endsWith(".js")
        || name.endsWith(".mjs")
        || name.endsWith(".cjs")
        || name.endsWith(".jsx")) return new TreeSitterJavascript();
    if (name.endsWith(".go")) return new TreeSitterGo();
    if (name.endsWith(".cs")) return new TreeSitterCSharp();
    if (name.endsWith(".rb")) return new TreeSitterRuby();
    return null;
  }

  /** The language-neutral copy every scanner's node type is made by. */
  private static final class Plain extends SyntaxNode<Plain> {
    private Plain(String type, String field, int line, int start, int end, byte[] source) {
      super(type, field, line, start, end, source);
    }

    static Plain copy(TSNode root, byte[] source) {
      return copyTree(root, source, Plain::new);
    }
  }
}

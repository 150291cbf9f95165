package dev.relplan.code.python;

import dev.relplan.code.LanguageScanner;
import dev.relplan.code.PerFile;
import dev.relplan.code.ScanResult;
import dev.relplan.code.TestSources;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.Integration;
import dev.relplan.parse.python.PyFile;
import dev.relplan.parse.python.PyNode;
import dev.relplan.parse.python.PyParser;
import dev.relplan.parse.treesitter.SyntaxNode;
import dev.relplan.source.SkippedFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.treesitter.TSNode;
import org.treesitter.TSTree;

/** Inventories outbound calls and health endpoints of Python sources, parsed with tree-sitter. */
public final class PythonCodeScanner implements LanguageScanner {
  @Override
  public boolean handles(SourceFile file) {
    return file.kind() == FileKind.SOURCE_CODE && file.display().endsWith(".py");
  }

  /** pytest's conventions: test_*.py, *_test.py and conftest.py, besides test folders. */
  @Override
  public boolean isTest(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return TestSources.inTestFolder(path)
        || name.startsWith("test_") && name.endsWith(".py")
        || name.endsWith("_test.py")
        || name.equals("conftest.py");
  }

  /** Breaking migrations in the result are Alembic revisions. */
  @Override
  public ScanResult scan(List<SourceFile> files) {
    PyExports exports = PyExports.of(files);
    return PerFile.scan(files, file -> scanFile(file, exports));
  }

  /**
   * One file's calls, health endpoints and Alembic revisions, or its syntax error. A parser per
   * file: making one costs about 15 µs, against milliseconds for a parse.
   */
  private static ScanResult scanFile(SourceFile file, PyExports exports) {
    if (file.display().endsWith("_pb2_grpc.py"))
      return ScanResult.empty(); // stubs protoc generated: no call sites of their own
    boolean importsClients = exports.mayBeImportedBy(file.content());
    if (!importsClients && !mentionsRecognised(file.content()))
      return ScanResult.empty(); // importsAnyOf could not succeed: not even parsed
    byte[] bytes = file.content().getBytes(StandardCharsets.UTF_8);
    TSTree tree = PyParser.tree(file.content());
    TSNode rootNode = tree.getRootNode();
    if (rootNode.hasError()) {
      // tree-sitter recovers from errors; calls inside the broken region could be misread, so the
      // file is skipped.
      return ScanResult.of(
          List.of(),
          List.of(),
          List.of(
              new SkippedFile(
                  file.display(),
                  "Python syntax error"
                      + SyntaxNode.errorLine(rootNode)
                      + "; its calls are not analysed")));
    }
    if (!importsClients && !importsAnyOf(rootNode, bytes, 0))
      return ScanResult.empty(); // nothing this scanner recognises can be referenced
    PyFile f = new PyFile(file.display(), PyNode.copy(rootNode, bytes));
    PyCalls calls = new PyCalls(f, exports);
    PyResilience resilience = new PyResilience(f);
    PyRetryLoops retryLoops = new PyRetryLoops(f);
    PyDatabases databases = new PyDatabases(f);
    PyMongo mongo = new PyMongo(f, databases);
    PyKafka kafka = new PyKafka(f, databases);
    PyRabbit rabbit = new PyRabbit(f, databases);
    PySearch search = new PySearch(f, databases);
    List<Integration> integrations = new ArrayList<>();
    PyGrpc grpc = new PyGrpc(f);
    for (PyNode call : f.calls()) {
      Integration i = calls.analyse(call);
      if (i == null) {
        i = databases.creation(call);
        if (i == null) i = mongo.creation(call);
        if (i == null) i = kafka.creation(call);
        if (i == null) i = rabbit.creation(call);
        if (i == null) i = search.creation(call);
        if (i != null) {
          integrations.add(i);
          continue;
        }
        i = grpc.analyse(call);
        if (i == null) continue;
      }
      resilience.apply(i, call);
      retryLoops.apply(i, call);
      integrations.add(i);
    }
    return new ScanResult(
        integrations,
        new PyHealth(f).find(),
        List.of(),
        new AlembicMigrations(f).find(),
        List.of());
  }

  /**
   * Whether a word of the text (split on the characters {@link #importsAnyOf} splits an import
   * statement on) is a recognised module. A strict superset of what importsAnyOf accepts: an import
   * statement starts and ends at token boundaries, so each of its words is a word of the whole
   * text. A file failing this cannot import anything recognised and is not parsed at all (so its
   * syntax errors are not reported either).
   */
  static boolean mentionsRecognised(String text) {
    int length = text.length();
    int start = -1;
    for (int i = 0; i <= length; i++) {
      boolean wordChar = i < length && isWordChar(text.charAt(i));
      if (wordChar && start < 0) start = i;
      if (!wordChar && start >= 0) {
        int wordLength = i - start;
        if (wordLength >= SHORTEST_RECOGNISED && wordLength <= LONGEST_RECOGNISED) {
          String word = text.substring(start, i);
          if (RECOGNISED.contains(word) && (!word.equals("http") || importsHttpClient(text, i)))
            return true;
        }
        if (i - start > GENERATED_GRPC.length()
            && text.startsWith(GENERATED_GRPC, i - GENERATED_GRPC.length()))
          return true; // a module protoc generated gRPC stubs into (demo_pb2_grpc)
        start = -1;
      }
    }
    return false;
  }

  /**
   * Whether the word "http" ending at {@code end} can be the standard library's package in an
   * import ({@code http.client}, {@code from http import client}) rather than the scheme of a URL
   * ({@code "http://…"}), which nearly every file holds and which would have the file parsed for
   * nothing.
   */
  private static boolean importsHttpClient(String text, int end) {
    if (text.startsWith(".client", end)) return true;
    int i = end;
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) i++;
    return i > end && text.startsWith("import", i);
  }

  private static boolean isWordChar(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
  }

  /**
   * Top-level modules whose use the scanner recognises; a file importing none of them is not copied
   * out of tree-sitter.
   */
  private static final Set<String> RECOGNISED =
      Set.of(
          "requests",
          "httpx",
          "aiohttp",
          "urllib3",
          "urllib", // urllib.request
          "http", // http.client
          "socket", // socket.create_connection, socket.socket
          "boto3",
          "botocore",
          "flask",
          "fastapi",
          "pybreaker",
          "circuitbreaker",
          "tenacity",
          "backoff",
          "alembic",
          "psycopg2",
          "psycopg",
          "psycopg_pool",
          "redis",
          "sqlalchemy",
          "grpc",
          "pymongo",
          "motor",
          "kafka",
          "confluent_kafka",
          "pika",
          "elasticsearch",
          "opensearchpy");

  private static final String GENERATED_GRPC = "_pb2_grpc";

  private static final int SHORTEST_RECOGNISED =
      RECOGNISED.stream().mapToInt(String::length).min().orElse(0);
  private static final int LONGEST_RECOGNISED =
      RECOGNISED.stream().mapToInt(String::length).max().orElse(0);

  /**
   * Whether the module imports a recognised library, looking at import statements at module level
   * and inside module-level if/try blocks (walking only those nodes keeps large files cheap).
   */
  private static boolean importsAnyOf(TSNode scope, byte[] source, int depth) {
    int count = scope.getNamedChildCount();
    for (int i = 0; i < count; i++) {
      TSNode c = scope.getNamedChild(i);
      String type = c.getType();
      if (type.equals("import_statement") || type.equals("import_from_statement")) {
        String text =
            new String(
                source,
                c.getStartByte(),
                c.getEndByte() - c.getStartByte(),
                StandardCharsets.UTF_8);
        for (String word : text.split("[^A-Za-z0-9_]+"))
          if (RECOGNISED.contains(word) || PyGrpc.generatedModule(word)) return true;
      } else if (depth < 3
          && (type.equals("if_statement")
              || type.equals("try_statement")
              || type.equals("block")
              || type.equals("else_clause")
              || type.equals("except_clause")
              || type.equals("elif_clause")
              || type.equals("finally_clause"))) {
        if (importsAnyOf(c, source, depth + 1)) return true;
      }
    }
    return false;
  }
}

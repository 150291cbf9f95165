package dev.relplan.code.go;

import dev.relplan.discover.SourceFile;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The gRPC client constructors protoc-gen-go-grpc generated into the scanned repository: {@code
 * func NewXClient(cc grpc.ClientConnInterface) XClient} (older generators: {@code cc
 * *grpc.ClientConn}). A call of one of these names is a gRPC client even when the connection it is
 * given cannot be followed; the interface type {@code XClient} marks struct fields and parameters
 * holding one.
 */
final class GoGrpcIndex {
  static final String GRPC = "google.golang.org/grpc";

  /** Constructor name → the service it reaches (NewCartServiceClient → CartService). */
  private final Map<String, String> constructors = new HashMap<>();

  /** Client interface names (CartServiceClient) → the service. */
  private final Map<String, String> interfaces = new HashMap<>();

  /**
   * The last element of every folder holding generated client code, found in the files' text before
   * parsing, so that files importing such a package are parsed although they import nothing else
   * the scanner knows.
   */
  static Set<String> generatedFolders(List<SourceFile> files) {
    Set<String> out = new HashSet<>();
    for (SourceFile s : files) {
      if (!declaresConstructor(s.content())) continue;
      String[] parts = s.display().replace('\\', '/').split("/");
      if (parts.length > 1) out.add(parts[parts.length - 2]);
    }
    return out;
  }

  /**
   * The folders (Go packages) where some file imports grpc or a package of generated clients: every
   * file there is parsed, since a client held in a struct field is often called from a file that
   * imports neither.
   */
  static Set<String> usingFolders(List<SourceFile> files, Set<String> generated) {
    Set<String> out = new HashSet<>();
    for (SourceFile s : files) {
      String text = s.content();
      boolean uses = text.contains("\"" + GRPC + "\"");
      for (String folder : generated) uses = uses || text.contains("/" + folder + "\"");
      if (uses) out.add(folderOf(s.display()));
    }
    return out;
  }

  static String folderOf(String display) {
    String path = display.replace('\\', '/');
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  /**
   * The constructors declared in the files' text: {@code func NewXClient(cc
   * grpc.ClientConnInterface)} or {@code (cc *grpc.ClientConn)}, read from the text so that the
   * large generated files need not be copied out of tree-sitter.
   */
  static GoGrpcIndex of(List<SourceFile> files) {
    GoGrpcIndex index = new GoGrpcIndex();
    for (SourceFile s : files) {
      String text = s.content();
      if (!declaresConstructor(text)) continue;
      for (int at = text.indexOf("func New"); at >= 0; at = text.indexOf("func New", at + 1)) {
        int open = text.indexOf('(', at);
        if (open < 0) break;
        String name = text.substring(at + "func ".length(), open);
        if (!name.endsWith("Client") || !isIdentifier(name) || !takesConn(text, open)) continue;
        String service = name.substring(3, name.length() - "Client".length());
        if (service.isEmpty()) continue;
        index.constructors.put(name, service);
        index.interfaces.put(service + "Client", service);
      }
    }
    return index;
  }

  private static boolean declaresConstructor(String text) {
    return text.contains("grpc.ClientConnInterface) ") || text.contains("cc *grpc.ClientConn) ");
  }

  /** Whether the parameter list opening at {@code open} is one gRPC connection. */
  private static boolean takesConn(String text, int open) {
    int close = text.indexOf(')', open);
    if (close < 0 || close - open > 80) return false;
    String[] parameter = text.substring(open + 1, close).strip().split(" +");
    return parameter.length == 2
        && (parameter[1].equals("grpc.ClientConnInterface")
            || parameter[1].equals("*grpc.ClientConn"));
  }

  private static boolean isIdentifier(String name) {
    for (int k = 0; k < name.length(); k++)
      if (!Character.isLetterOrDigit(name.charAt(k)) && name.charAt(k) != '_') return false;
    return !name.isEmpty();
  }

  /** {@code grpc.ClientConnInterface}, {@code *grpc.ClientConn} or {@code grpc.ClientConn}. */
  static boolean isConnType(GoFile f, GoNode type) {
    String q = f.qualify(type);
    return (GRPC + ".ClientConnInterface").equals(q) || (GRPC + ".ClientConn").equals(q);
  }

  /** The service a constructor name reaches, or null when the repository generates none. */
  String constructorService(String name) {
    return constructors.get(name);
  }

  /** The service a client interface name reaches, or null. */
  String interfaceService(String name) {
    return interfaces.get(name);
  }
}

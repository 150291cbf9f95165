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
      String text = s.content();
      if (!text.contains("grpc.ClientConnInterface) ") && !text.contains("cc *grpc.ClientConn) "))
        continue;
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

  static GoGrpcIndex of(List<GoFile> files) {
    GoGrpcIndex index = new GoGrpcIndex();
    for (GoFile f : files) {
      if (!f.importsPath(GRPC)) continue;
      for (GoNode d : f.root.children) {
        if (!d.is("function_declaration") || d.field("name") == null) continue;
        String name = d.field("name").text();
        if (!name.startsWith("New") || !name.endsWith("Client") || !takesConn(f, d)) continue;
        String service = name.substring(3, name.length() - "Client".length());
        index.constructors.put(name, service);
        index.interfaces.put(service + "Client", service);
      }
    }
    return index;
  }

  /** Whether a function's one parameter is a gRPC connection. */
  private static boolean takesConn(GoFile f, GoNode function) {
    GoNode params = function.field("parameters");
    if (params == null) return false;
    List<GoNode> declared =
        params.children.stream().filter(c -> c.is("parameter_declaration")).toList();
    return declared.size() == 1 && isConnType(f, declared.get(0).field("type"));
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

package dev.relplan.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code relplan mcp}: relplan's tools served over the Model Context Protocol on stdin/stdout
 * (newline-delimited JSON-RPC), with the official Java SDK. Stdout carries only protocol messages:
 * anything else printed goes to stderr, and the SDK's logging is bound to slf4j's no-op provider.
 * Serves one client until it closes stdin.
 */
public final class RelplanMcpServer {
  private RelplanMcpServer() {}

  /**
   * Serves until stdin closes, then returns.
   *
   * @param roots the folders the tools may read when the client names no roots
   * @param requests how assess arguments become a checked pipeline request
   * @param version relplan's version, given to the client at initialisation
   */
  public static void serve(List<Path> roots, RequestFactory requests, String version)
      throws InterruptedException {
    quietLogging();
    PrintStream protocol = System.out;
    System.setOut(System.err);
    CountDownLatch closed = new CountDownLatch(1);
    McpJsonMapper json = new JacksonMcpJsonMapper(new ObjectMapper());
    StdioServerTransportProvider transport =
        new StdioServerTransportProvider(json, new EndSignal(System.in, closed), protocol);
    Session session = new Session(new AllowedRoots(roots), requests, version);
    McpSyncServer server =
        McpServer.sync(transport)
            .serverInfo("relplan", version)
            .jsonMapper(json)
            .jsonSchemaValidator(new SchemaValidator())
            .capabilities(
                McpSchema.ServerCapabilities.builder().tools(false).resources(false, false).build())
            .tools(Tools.all(session).stream().map(t -> t.specification(json)).toList())
            .resources(ReportResources.all(session))
            .build();
    closed.await();
    server.closeGracefully();
  }

  /**
   * The SDK logs through slf4j; with no provider slf4j would print its own warning. The no-op
   * provider, named before the first logger is made, keeps stderr for relplan's own messages.
   */
  private static void quietLogging() {
    if (System.getProperty("slf4j.provider") == null) {
      System.setProperty("slf4j.internal.verbosity", "WARN");
      System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
    }
  }

  /** Stdin, counting the latch down when it ends (end of input or a read error). */
  private static final class EndSignal extends FilterInputStream {
    private final CountDownLatch closed;

    EndSignal(InputStream in, CountDownLatch closed) {
      super(in);
      this.closed = closed;
    }

    @Override
    public int read() throws IOException {
      return ended(guarded(() -> super.read()));
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return ended(guarded(() -> super.read(b, off, len)));
    }

    private int ended(int n) {
      if (n < 0) closed.countDown();
      return n;
    }

    private interface Read {
      int run() throws IOException;
    }

    private int guarded(Read read) throws IOException {
      try {
        return read.run();
      } catch (IOException e) {
        closed.countDown();
        throw e;
      }
    }
  }
}

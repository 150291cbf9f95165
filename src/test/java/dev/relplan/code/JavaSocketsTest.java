package dev.relplan.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.code.java.JavaCodeScanner;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.Integration;
import dev.relplan.source.Location;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** java.net.Socket connections and their connect and read timeouts. */
class JavaSocketsTest {
  private static List<Integration> scan(String source) {
    String name = "src/main/java/a/Relay.java";
    return new JavaCodeScanner()
        .scan(List.of(new SourceFile(Path.of(name), name, FileKind.SOURCE_CODE, source, List.of())))
        .integrations();
  }

  private static List<Integer> lines(List<Location> trace) {
    return trace.stream().map(Location::line).toList();
  }

  @Test
  void aSocketConnectedInItsConstructorHasNoConnectTimeout() {
    List<Integration> found =
        scan(
            """
        package a;
        import java.net.Socket;
        class Relay {
          void send() throws Exception {
            Socket s = new Socket("ledger.internal", 9000);
            s.setSoTimeout(2000);
          }
        }
        """);
    assertThat(found).hasSize(1);
    Integration i = found.get(0);
    assertThat(i.kind).isEqualTo(Integration.Kind.TCP);
    assertThat(i.location.line()).isEqualTo(5);
    assertThat(i.target.get()).isEqualTo("tcp://ledger.internal:9000");
    assertThat(i.timeout.known() && !i.timeout.present()).isTrue();
  }

  @Test
  void connectWithATimeoutAndSetSoTimeoutBoundTheSocket() {
    List<Integration> found =
        scan(
            """
        package a;
        import java.net.*;
        class Relay {
          void send() throws Exception {
            Socket s = new Socket();
            s.setSoTimeout(3000);
            s.connect(new InetSocketAddress("ledger.internal", 9000), 1000);
          }
        }
        """);
    Integration i = found.get(0);
    assertThat(i.location.line()).isEqualTo(7);
    assertThat(i.clientLocation.line()).isEqualTo(5);
    assertThat(i.timeout.get()).isEqualTo("connect 1 s, read 3 s (SO_TIMEOUT)");
    assertThat(lines(i.timeout.trace())).containsExactlyInAnyOrder(7, 6);
  }

  @Test
  void aConnectTimeoutWithoutSetSoTimeoutLeavesReadsUnbounded() {
    List<Integration> found =
        scan(
            """
        package a;
        import java.net.InetSocketAddress;
        import java.net.Socket;
        class Relay {
          void send(InetSocketAddress to) throws Exception {
            Socket s = new Socket();
            s.connect(to, 1000);
          }
        }
        """);
    Integration i = found.get(0);
    assertThat(i.timeout.known() && !i.timeout.present()).isTrue();
    assertThat(i.timeout.note()).contains("setSoTimeout is not called");
    assertThat(lines(i.timeout.trace())).containsExactly(7);
  }
}

package dev.relplan.code.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.Integration;
import dev.relplan.source.Location;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Raw TCP connections of Python's socket module and their timeouts. */
class PySocketsTest {
  private static List<Integration> scan(String source) {
    return new PythonCodeScanner()
        .scan(
            List.of(
                new SourceFile(
                    Path.of("relay.py"), "relay.py", FileKind.SOURCE_CODE, source, List.of())))
        .integrations();
  }

  private static boolean knownNone(Integration i) {
    return i.timeout.known() && !i.timeout.present();
  }

  private static List<Integer> lines(List<Location> trace) {
    return trace.stream().map(Location::line).toList();
  }

  @Test
  void createConnectionWithoutTimeoutWaitsForeverAndIsATcpIntegration() {
    List<Integration> found =
        scan(
            """
        import socket
        def send(payload):
            conn = socket.create_connection(("ledger.internal", 9000))
            conn.sendall(payload)
        """);
    assertThat(found).hasSize(1);
    Integration i = found.get(0);
    assertThat(i.kind).isEqualTo(Integration.Kind.TCP);
    assertThat(i.client).isEqualTo("socket.create_connection");
    assertThat(i.location.line()).isEqualTo(3);
    assertThat(i.target.get()).isEqualTo("tcp://ledger.internal:9000");
    assertThat(knownNone(i)).isTrue();
    assertThat(i.attemptSeconds.get()).isInfinite();
  }

  @Test
  void createConnectionWithATimeoutBoundsConnectAndEachRead() {
    List<Integration> found =
        scan(
            """
        from socket import create_connection
        def send(payload):
            with create_connection(("ledger.internal", 9000), 2.5) as conn:
                conn.sendall(payload)
        """);
    Integration i = found.get(0);
    assertThat(i.timeout.isExplicit()).isTrue();
    assertThat(lines(i.timeout.trace())).containsExactly(3);
    assertThat(i.attemptSeconds.get()).isEqualTo(5.0);
    assertThat(i.attempts.get()).isEqualTo(1);
  }

  @Test
  void settimeoutBeforeConnectBoundsARawSocket() {
    List<Integration> found =
        scan(
            """
        import socket
        def probe(host):
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.settimeout(3)
            s.connect((host, 6379))
            return s.recv(16)
        """);
    Integration i = found.get(0);
    assertThat(i.client).isEqualTo("socket.socket");
    assertThat(i.location.line()).isEqualTo(5);
    assertThat(i.clientLocation.line()).isEqualTo(3);
    assertThat(i.timeout.isExplicit()).isTrue();
    assertThat(lines(i.timeout.trace())).containsExactly(4);
    assertThat(i.attemptSeconds.get()).isEqualTo(6.0);
  }

  @Test
  void settimeoutAfterConnectLeavesTheConnectionAttemptUnbounded() {
    List<Integration> found =
        scan(
            """
        import socket
        def probe():
            with socket.socket() as s:
                s.connect(("cache.internal", 11211))
                s.settimeout(1)
        """);
    Integration i = found.get(0);
    assertThat(knownNone(i)).isTrue();
    assertThat(i.timeout.note()).contains("connecting can wait forever");
    assertThat(lines(i.timeout.trace())).containsExactly(5);
  }

  @Test
  void aNonBlockingSocketOrAChangedGlobalDefaultIsUndetermined() {
    List<Integration> found =
        scan(
            """
        import socket
        socket.setdefaulttimeout(5)
        def a():
            conn = socket.create_connection(("a.internal", 1))
        def b():
            s = socket.socket()
            s.setblocking(False)
            s.connect_ex(("b.internal", 2))
        """);
    assertThat(found).hasSize(2);
    assertThat(found.get(0).timeout.unresolved()).isTrue();
    assertThat(lines(found.get(0).timeout.trace())).containsExactly(2);
    assertThat(found.get(1).timeout.unresolved()).isTrue();
    assertThat(lines(found.get(1).timeout.trace())).containsExactly(7);
  }

  @Test
  void unixAndDatagramSocketsAreNotTcpIntegrations() {
    List<Integration> found =
        scan(
            """
        import socket
        def local():
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            s.connect("/run/app.sock")
            u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            u.connect(("metrics.internal", 8125))
        """);
    assertThat(found).isEmpty();
  }
}

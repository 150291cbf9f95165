package dev.relplan.code.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.Integration;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** pika connections: a publish is unbounded unless blocked_connection_timeout is set. */
class PyRabbitTest {
  private static Integration only(String source) {
    List<Integration> r =
        new PythonCodeScanner()
            .scan(
                List.of(
                    new SourceFile(
                        Path.of("publisher.py"),
                        "publisher.py",
                        FileKind.SOURCE_CODE,
                        source,
                        List.of())))
            .integrations();
    assertThat(r).hasSize(1);
    return r.get(0);
  }

  @Test
  void blockingConnectionWithoutBlockedTimeoutHasNoTimeout() {
    Integration i =
        only(
            """
        import pika

        params = pika.ConnectionParameters(host="rabbitmq")
        connection = pika.BlockingConnection(params)
        """);
    assertThat(i.kind).isEqualTo(Integration.Kind.MESSAGING);
    assertThat(i.target.get()).isEqualTo("RabbitMQ rabbitmq");
    assertThat(i.timeout.get()).isNull();
    assertThat(i.timeout.unresolved()).isFalse();
    assertThat(i.timeout.note()).contains("blocked_connection_timeout defaults to None");
    assertThat(i.timeout.trace()).extracting(l -> l.line()).containsExactly(3);
  }

  @Test
  void blockedConnectionTimeoutIsExplicitAtItsLine() {
    Integration i =
        only(
            """
        import pika

        connection = pika.BlockingConnection(
            pika.ConnectionParameters(
                host="rabbitmq",
                blocked_connection_timeout=300,
            )
        )
        """);
    assertThat(i.timeout.get()).isEqualTo("blocked_connection_timeout 300 s");
    assertThat(i.timeout.isExplicit()).isTrue();
    assertThat(i.timeout.trace()).extracting(l -> l.line()).containsExactly(6);
  }

  @Test
  void urlParametersQueryIsRead() {
    Integration i =
        only(
            """
        import pika

        url = "amqp://guest:guest@broker:5672/%2F?blocked_connection_timeout=60"
        connection = pika.BlockingConnection(pika.URLParameters(url))
        """);
    assertThat(i.target.get()).isEqualTo("RabbitMQ broker");
    assertThat(i.timeout.get()).isEqualTo("blocked_connection_timeout 60 s");
  }

  @Test
  void urlFromEnvironmentCannotBeDetermined() {
    Integration i =
        only(
            """
        import os
        import pika

        connection = pika.BlockingConnection(pika.URLParameters(os.environ["AMQP_URL"]))
        """);
    assertThat(i.timeout.unresolved()).isTrue();
    assertThat(i.timeout.note()).contains("os.environ");
  }

  @Test
  void parametersFromAParameterCannotBeDetermined() {
    Integration i =
        only(
            """
        import pika

        def connect(params):
            return pika.BlockingConnection(params)
        """);
    assertThat(i.timeout.unresolved()).isTrue();
  }
}

package dev.relplan.code.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.Integration;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** kafka-python and confluent-kafka clients: MESSAGING integrations with their finite defaults. */
class PyKafkaTest {
  private static Integration only(String source) {
    List<Integration> r =
        new PythonCodeScanner()
            .scan(
                List.of(
                    new SourceFile(
                        Path.of("events.py"),
                        "events.py",
                        FileKind.SOURCE_CODE,
                        source,
                        List.of())))
            .integrations();
    assertThat(r).hasSize(1);
    return r.get(0);
  }

  @Test
  void kafkaPythonProducerShowsItsDefaults() {
    Integration i =
        only(
            """
        from kafka import KafkaProducer

        producer = KafkaProducer(bootstrap_servers="kafka:9092")
        """);
    assertThat(i.kind).isEqualTo(Integration.Kind.MESSAGING);
    assertThat(i.target.get()).isEqualTo("Kafka kafka:9092");
    assertThat(i.timeout.get()).startsWith("request_timeout_ms 30 s");
    assertThat(i.timeout.isExplicit()).isFalse();
  }

  @Test
  void kafkaPythonRequestTimeoutIsExplicitAtItsLine() {
    Integration i =
        only(
            """
        from kafka import KafkaConsumer

        consumer = KafkaConsumer(
            "orders",
            request_timeout_ms=40000,
        )
        """);
    assertThat(i.timeout.get()).isEqualTo("request_timeout_ms 40000 ms");
    assertThat(i.timeout.trace()).extracting(l -> l.line()).containsExactly(5);
  }

  @Test
  void confluentProducerReadsItsConfigDictionary() {
    Integration i =
        only(
            """
        from confluent_kafka import Producer

        conf = {"bootstrap.servers": "kafka:9092", "socket.timeout.ms": 10000}
        producer = Producer(conf)
        """);
    assertThat(i.target.get()).isEqualTo("Kafka kafka:9092");
    assertThat(i.timeout.get()).isEqualTo("socket.timeout.ms 10000 ms");
  }

  @Test
  void confluentConfigFromElsewhereCannotBeDetermined() {
    Integration i =
        only(
            """
        from confluent_kafka import Consumer
        from settings import KAFKA_CONFIG

        consumer = Consumer(KAFKA_CONFIG)
        """);
    assertThat(i.timeout.unresolved()).isTrue();
  }
}

package dev.relplan.code.go;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.Integration;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MongoDB, sarama, confluent-kafka-go and kafka-go clients in Go. */
class GoDataClientsTest {
  private static Integration only(String source) {
    List<Integration> r =
        new GoCodeScanner()
            .scan(
                List.of(
                    new SourceFile(
                        Path.of("main.go"), "main.go", FileKind.SOURCE_CODE, source, List.of())))
            .integrations();
    assertThat(r).hasSize(1);
    return r.get(0);
  }

  private static List<Integer> lines(Integration i) {
    return i.timeout.trace().stream().map(l -> l.line()).toList();
  }

  @Test
  void mongoConnectWithoutTimeoutsWaitsForever() {
    Integration i =
        only(
            """
        package catalog

        import (
        	"context"

        	"go.mongodb.org/mongo-driver/mongo"
        	"go.mongodb.org/mongo-driver/mongo/options"
        )

        func connect(ctx context.Context) (*mongo.Client, error) {
        	return mongo.Connect(ctx, options.Client().ApplyURI("mongodb://catalog-db:27017"))
        }
        """);
    assertThat(i.kind).isEqualTo(Integration.Kind.DATABASE);
    assertThat(i.location.line()).isEqualTo(11);
    assertThat(i.target.get()).isEqualTo("MongoDB catalog-db");
    assertThat(i.timeout.known() && !i.timeout.present()).isTrue();
  }

  @Test
  void mongoSetTimeoutOnTheOptionsVariableIsExplicit() {
    Integration i =
        only(
            """
        package catalog

        import (
        	"context"
        	"time"

        	"go.mongodb.org/mongo-driver/mongo"
        	"go.mongodb.org/mongo-driver/mongo/options"
        )

        func connect(ctx context.Context) (*mongo.Client, error) {
        	opts := options.Client().ApplyURI("mongodb://catalog-db:27017")
        	opts.SetTimeout(5 * time.Second)
        	return mongo.Connect(ctx, opts)
        }
        """);
    assertThat(i.timeout.get()).startsWith("timeoutMS");
    assertThat(lines(i)).containsExactly(13);
  }

  @Test
  void mongoUriFromTheEnvironmentCannotBeDetermined() {
    Integration i =
        only(
            """
        package catalog

        import (
        	"context"
        	"os"

        	"go.mongodb.org/mongo-driver/mongo"
        	"go.mongodb.org/mongo-driver/mongo/options"
        )

        func connect(ctx context.Context) (*mongo.Client, error) {
        	return mongo.Connect(ctx, options.Client().ApplyURI(os.Getenv("MONGO_URL")))
        }
        """);
    assertThat(i.timeout.unresolved()).isTrue();
    assertThat(lines(i)).containsExactly(12);
  }

  @Test
  void saramaProducerShowsTheNetworkDefaults() {
    Integration i =
        only(
            """
        package checkout

        import "github.com/IBM/sarama"

        func producer(brokers []string) (sarama.AsyncProducer, error) {
        	cfg := sarama.NewConfig()
        	cfg.Producer.Return.Successes = true
        	return sarama.NewAsyncProducer(brokers, cfg)
        }
        """);
    assertThat(i.kind).isEqualTo(Integration.Kind.MESSAGING);
    assertThat(i.client).isEqualTo("sarama producer");
    assertThat(i.timeout.get()).startsWith("dial, read and write 30 s");
    assertThat(i.timeout.isExplicit()).isFalse();
  }

  @Test
  void saramaReadTimeoutIsExplicitAndAConfigParameterIsUndetermined() {
    Integration set =
        only(
            """
        package checkout

        import (
        	"time"

        	"github.com/IBM/sarama"
        )

        func producer(brokers []string) (sarama.SyncProducer, error) {
        	cfg := sarama.NewConfig()
        	cfg.Net.ReadTimeout = 5 * time.Second
        	return sarama.NewSyncProducer(brokers, cfg)
        }
        """);
    assertThat(lines(set)).containsExactly(11);
    Integration given =
        only(
            """
        package checkout

        import "github.com/IBM/sarama"

        func producer(brokers []string, cfg *sarama.Config) (sarama.SyncProducer, error) {
        	return sarama.NewSyncProducer(brokers, cfg)
        }
        """);
    assertThat(given.timeout.unresolved()).isTrue();
  }

  @Test
  void confluentProducerShowsLibrdkafkaDefaults() {
    Integration i =
        only(
            """
        package orders

        import "github.com/confluentinc/confluent-kafka-go/v2/kafka"

        func producer() (*kafka.Producer, error) {
        	return kafka.NewProducer(&kafka.ConfigMap{"bootstrap.servers": "kafka:9092"})
        }
        """);
    assertThat(i.target.get()).isEqualTo("Kafka kafka:9092");
    assertThat(i.timeout.get()).contains("librdkafka defaults");
  }

  @Test
  void kafkaGoWriterWriteTimeoutIsExplicit() {
    Integration i =
        only(
            """
        package orders

        import (
        	"context"
        	"time"

        	"github.com/segmentio/kafka-go"
        )

        var w = &kafka.Writer{Addr: kafka.TCP("kafka:9092"), WriteTimeout: 2 * time.Second}

        func publish(ctx context.Context, m kafka.Message) error {
        	return w.WriteMessages(ctx, m)
        }
        """);
    assertThat(i.client).isEqualTo("kafka-go Writer");
    assertThat(lines(i)).containsExactly(10);
  }

  @Test
  void confluentV1ImportPathIsRecognisedAndAComputedBrokerIsNoTarget() {
    Integration i =
        only(
            """
        package orders

        import "gopkg.in/confluentinc/confluent-kafka-go.v1/kafka"

        func producer(conf map[string]string) (*kafka.Producer, error) {
        	return kafka.NewProducer(&kafka.ConfigMap{"bootstrap.servers": conf["bootstrap.servers"]})
        }
        """);
    assertThat(i.client).isEqualTo("confluent-kafka-go producer");
    assertThat(i.target.present()).isFalse();
  }
}

package dev.relplan.code.csharp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.Integration;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MongoDB.Driver, Confluent.Kafka and StackExchange.Redis clients in C#. */
class CsDataClientsTest {
  private static Integration only(String source) {
    List<Integration> r =
        new CsharpCodeScanner()
            .scan(
                List.of(
                    new SourceFile(
                        Path.of("Store.cs"), "Store.cs", FileKind.SOURCE_CODE, source, List.of())))
            .integrations();
    assertThat(r).hasSize(1);
    return r.get(0);
  }

  private static List<Integer> lines(Integration i) {
    return i.timeout.trace().stream().map(l -> l.line()).toList();
  }

  @Test
  void mongoClientFromALiteralWithoutTimeoutsWaitsForever() {
    Integration i =
        only(
            """
        using MongoDB.Driver;

        public class Catalog
        {
            private readonly MongoClient _client = new MongoClient("mongodb://catalog-db:27017");
        }
        """);
    assertThat(i.kind).isEqualTo(Integration.Kind.DATABASE);
    assertThat(i.target.get()).isEqualTo("MongoDB catalog-db");
    assertThat(i.timeout.known() && !i.timeout.present()).isTrue();
    assertThat(lines(i)).containsExactly(5);
  }

  @Test
  void mongoSocketTimeoutOnSettingsIsExplicit() {
    Integration i =
        only(
            """
        using System;
        using MongoDB.Driver;

        public class Catalog
        {
            public MongoClient Create()
            {
                var settings = MongoClientSettings.FromConnectionString("mongodb://catalog-db");
                settings.SocketTimeout = TimeSpan.FromSeconds(5);
                return new MongoClient(settings);
            }
        }
        """);
    assertThat(i.timeout.get()).isEqualTo("socketTimeoutMS 5 s");
    assertThat(lines(i)).containsExactly(9);
  }

  @Test
  void mongoConnectionStringFromConfigurationCannotBeDetermined() {
    Integration i =
        only(
            """
        using MongoDB.Driver;

        public class Catalog
        {
            public MongoClient Create(string connectionString) => new MongoClient(connectionString);
        }
        """);
    assertThat(i.timeout.unresolved()).isTrue();
  }

  @Test
  void kafkaConsumerShowsLibrdkafkaDefaults() {
    Integration i =
        only(
            """
        using Confluent.Kafka;

        public class Accounting
        {
            public IConsumer<string, byte[]> Build(string servers)
            {
                var conf = new ConsumerConfig { GroupId = "accounting", BootstrapServers = servers };
                return new ConsumerBuilder<string, byte[]>(conf).Build();
            }
        }
        """);
    assertThat(i.kind).isEqualTo(Integration.Kind.MESSAGING);
    assertThat(i.client).isEqualTo("Confluent.Kafka consumer");
    assertThat(i.timeout.get()).contains("librdkafka defaults");
    assertThat(i.timeout.isExplicit()).isFalse();
  }

  @Test
  void kafkaRequestTimeoutInTheConfigIsExplicit() {
    Integration i =
        only(
            """
        using Confluent.Kafka;

        public class Orders
        {
            public IProducer<string, string> Build()
            {
                var conf = new ProducerConfig
                {
                    BootstrapServers = "kafka:9092",
                    RequestTimeoutMs = 5000,
                };
                return new ProducerBuilder<string, string>(conf).Build();
            }
        }
        """);
    assertThat(i.target.get()).isEqualTo("Kafka kafka:9092");
    assertThat(i.timeout.get()).isEqualTo("RequestTimeoutMs 5000 ms");
    assertThat(lines(i)).containsExactly(10);
  }

  @Test
  void redisConnectShowsTheDefaultsAndASyncTimeoutIsExplicit() {
    Integration byDefault =
        only(
            """
        using StackExchange.Redis;

        public class Cart
        {
            public ConnectionMultiplexer Connect() => ConnectionMultiplexer.Connect("cart-cache:6379");
        }
        """);
    assertThat(byDefault.timeout.get()).startsWith("5000 ms syncTimeout");
    Integration set =
        only(
            """
        using StackExchange.Redis;

        public class Cart
        {
            public ConnectionMultiplexer Connect()
            {
                var options = ConfigurationOptions.Parse("cart-cache:6379");
                options.SyncTimeout = 1000;
                return ConnectionMultiplexer.Connect(options);
            }
        }
        """);
    assertThat(set.timeout.get()).isEqualTo("SyncTimeout 1000 ms");
    assertThat(lines(set)).containsExactly(8);
  }

  @Test
  void kafkaConfigCopiedFromAnotherConfigCannotBeDetermined() {
    Integration i =
        only(
            """
        using Confluent.Kafka;

        public class Accounting
        {
            public IConsumer<string, string> Build(ClientConfig config)
            {
                var consumerConfig = new ConsumerConfig(config) { GroupId = "accounting" };
                return new ConsumerBuilder<string, string>(consumerConfig).Build();
            }
        }
        """);
    assertThat(i.timeout.unresolved()).isTrue();
  }
}

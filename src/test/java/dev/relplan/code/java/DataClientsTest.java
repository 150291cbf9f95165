package dev.relplan.code.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.Integration;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Kafka, MongoDB, Jedis, Lettuce and DriverManager clients created in Java code. */
class DataClientsTest {
  private static Integration only(String source) {
    List<Integration> r =
        new JavaCodeScanner()
            .scan(
                List.of(
                    new SourceFile(
                        Path.of("Store.java"),
                        "Store.java",
                        FileKind.SOURCE_CODE,
                        source,
                        List.of())))
            .integrations();
    assertThat(r).hasSize(1);
    return r.get(0);
  }

  private static boolean none(Integration i) {
    return i.timeout.known() && !i.timeout.present();
  }

  private static List<Integer> lines(Integration i) {
    return i.timeout.trace().stream().map(l -> l.line()).toList();
  }

  @Test
  void kafkaProducerWithoutTimeoutsShowsTheFiniteDefaults() {
    Integration i =
        only(
            """
        import java.util.Properties;
        import org.apache.kafka.clients.producer.KafkaProducer;
        import org.apache.kafka.clients.producer.ProducerConfig;

        class Orders {
          KafkaProducer<String, String> producer() {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka:9092");
            return new KafkaProducer<>(props);
          }
        }
        """);
    assertThat(i.kind).isEqualTo(Integration.Kind.MESSAGING);
    assertThat(i.client).isEqualTo("Kafka producer");
    assertThat(i.location.line()).isEqualTo(9);
    assertThat(i.target.get()).isEqualTo("Kafka kafka:9092");
    assertThat(i.timeout.isExplicit()).isFalse();
    assertThat(i.timeout.get()).contains("request.timeout.ms 30 s").contains("max.block.ms 60 s");
  }

  @Test
  void kafkaConsumerRequestTimeoutIsExplicitAtItsPut() {
    Integration i =
        only(
            """
        import java.util.Properties;
        import org.apache.kafka.clients.consumer.KafkaConsumer;

        class Orders {
          KafkaConsumer<String, String> consumer() {
            Properties props = new Properties();
            props.put("request.timeout.ms", 5000);
            return new KafkaConsumer<>(props);
          }
        }
        """);
    assertThat(i.timeout.get()).startsWith("request.timeout.ms 5000 ms");
    assertThat(lines(i)).containsExactly(7);
  }

  @Test
  void kafkaConfigFromAParameterCannotBeDetermined() {
    Integration i =
        only(
            """
        import java.util.Map;
        import org.apache.kafka.clients.producer.KafkaProducer;

        class Orders {
          KafkaProducer<String, String> producer(Map<String, Object> config) {
            return new KafkaProducer<>(config);
          }
        }
        """);
    assertThat(i.timeout.unresolved()).isTrue();
    assertThat(i.timeout.note()).contains("config");
  }

  @Test
  void mongoClientFromALiteralUriWithoutTimeoutsWaitsForever() {
    Integration i =
        only(
            """
        import com.mongodb.client.MongoClients;

        class Catalog {
          Object client() {
            return MongoClients.create("mongodb://catalog-db:27017/shop");
          }
        }
        """);
    assertThat(i.kind).isEqualTo(Integration.Kind.DATABASE);
    assertThat(i.target.get()).isEqualTo("MongoDB catalog-db");
    assertThat(none(i)).isTrue();
    assertThat(lines(i)).containsExactly(5);
  }

  @Test
  void mongoSocketReadTimeoutInSettingsIsExplicit() {
    Integration i =
        only(
            """
        import com.mongodb.MongoClientSettings;
        import com.mongodb.client.MongoClients;
        import java.util.concurrent.TimeUnit;

        class Catalog {
          Object client() {
            MongoClientSettings settings = MongoClientSettings.builder()
                .applyToSocketSettings(b -> b.readTimeout(5, TimeUnit.SECONDS))
                .build();
            return MongoClients.create(settings);
          }
        }
        """);
    assertThat(i.timeout.get()).isEqualTo("socketTimeoutMS 5 seconds");
    assertThat(lines(i)).containsExactly(8);
  }

  @Test
  void mongoUriFromTheEnvironmentCannotBeDetermined() {
    Integration i =
        only(
            """
        import com.mongodb.client.MongoClients;

        class Catalog {
          Object client() {
            return MongoClients.create(System.getenv("MONGO_URI"));
          }
        }
        """);
    assertThat(i.timeout.unresolved()).isTrue();
    assertThat(lines(i)).containsExactly(5);
  }

  @Test
  void jedisWithoutTimeoutShowsTheTwoSecondDefault() {
    Integration i =
        only(
            """
        import redis.clients.jedis.Jedis;

        class Sessions {
          Jedis jedis = new Jedis("sessions-cache", 6379);
        }
        """);
    assertThat(i.client).isEqualTo("Jedis Jedis");
    assertThat(i.target.get()).isEqualTo("Redis sessions-cache");
    assertThat(i.timeout.get()).startsWith("2000 ms");
    assertThat(i.timeout.isExplicit()).isFalse();
  }

  @Test
  void jedisPoolTimeoutArgumentIsExplicitAndZeroIsNone() {
    Integration set =
        only(
            """
        import redis.clients.jedis.JedisPool;
        import redis.clients.jedis.JedisPoolConfig;

        class Sessions {
          JedisPool pool = new JedisPool(new JedisPoolConfig(), "sessions-cache", 6379, 500);
        }
        """);
    assertThat(set.timeout.get()).isEqualTo("500 ms connection and socket timeout");
    Integration zero =
        only(
            """
        import redis.clients.jedis.Jedis;

        class Sessions {
          Jedis jedis = new Jedis("sessions-cache", 6379, 0);
        }
        """);
    assertThat(none(zero)).isTrue();
  }

  @Test
  void lettuceShowsTheSixtySecondCommandTimeoutDefault() {
    Integration i =
        only(
            """
        import io.lettuce.core.RedisClient;

        class Sessions {
          RedisClient client = RedisClient.create("redis://sessions-cache:6379");
        }
        """);
    assertThat(i.client).isEqualTo("Lettuce");
    assertThat(i.timeout.get()).startsWith("60 s command timeout");
  }

  @Test
  void driverManagerConnectionWithoutTimeoutsWaitsForever() {
    Integration i =
        only(
            """
        import java.sql.Connection;
        import java.sql.DriverManager;

        class Ledger {
          Connection open() throws Exception {
            return DriverManager.getConnection("jdbc:postgresql://ledger-db:5432/ledger", "app", "pw");
          }
        }
        """);
    assertThat(i.client).isEqualTo("JDBC DriverManager");
    assertThat(none(i)).isTrue();
    assertThat(lines(i)).containsExactly(6);
  }

  @Test
  void driverManagerSocketTimeoutInTheUrlIsExplicit() {
    Integration i =
        only(
            """
        import java.sql.DriverManager;

        class Ledger {
          Object open() throws Exception {
            return DriverManager.getConnection("jdbc:postgresql://ledger-db/ledger?socketTimeout=30");
          }
        }
        """);
    assertThat(i.timeout.get()).isEqualTo("socketTimeout 30 (JDBC URL)");
  }

  @Test
  void driverManagerUrlFromAParameterCannotBeDetermined() {
    Integration i =
        only(
            """
        import java.sql.DriverManager;

        class Ledger {
          Object open(String url) throws Exception {
            return DriverManager.getConnection(url);
          }
        }
        """);
    assertThat(i.timeout.unresolved()).isTrue();
  }

  @Test
  void injectedKafkaTemplateSendCannotBeDetermined() {
    Integration i =
        only(
            """
        import org.springframework.kafka.core.KafkaTemplate;

        class Orders {
          private final KafkaTemplate<String, String> template;

          Orders(KafkaTemplate<String, String> template) {
            this.template = template;
          }

          void placed(String id) {
            template.send("orders", id);
          }
        }
        """);
    assertThat(i.kind).isEqualTo(Integration.Kind.MESSAGING);
    assertThat(i.client).isEqualTo("Spring Kafka KafkaTemplate");
    assertThat(i.timeout.unresolved()).isTrue();
    assertThat(lines(i)).containsExactly(11);
  }

  @Test
  void kafkaConfigLoadedFromAFileCannotBeDetermined() {
    Integration i =
        only(
            """
        import java.io.FileInputStream;
        import java.util.Properties;
        import org.apache.kafka.clients.consumer.KafkaConsumer;

        class Orders {
          static Properties loadConfig(String file) throws Exception {
            Properties cfg = new Properties();
            cfg.load(new FileInputStream(file));
            return cfg;
          }

          void run(String[] args) throws Exception {
            Properties props = loadConfig(args[0]);
            props.put("group.id", "orders");
            new KafkaConsumer<String, String>(props);
          }
        }
        """);
    assertThat(i.timeout.unresolved()).isTrue();
    assertThat(lines(i)).containsExactly(8);
  }
}

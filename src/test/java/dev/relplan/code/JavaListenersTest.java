package dev.relplan.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.model.EventHandler;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.rules.Context;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Message listeners in Java application code as event handlers. */
class JavaListenersTest {
  private static List<EventHandler> listeners(Path dir) throws Exception {
    return Pipeline.run(new Pipeline.Request(List.of(dir), "t", Context.defaults(), List.of()))
        .workload()
        .eventHandlers
        .stream()
        .filter(EventHandler::isListener)
        .toList();
  }

  private static void write(Path dir, String file, String content) throws Exception {
    Path p = dir.resolve(file);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }

  private static final String JAVA = "svc/src/main/java/com/example/";

  @Test
  void annotatedListenersAreHandlersAtTheirAnnotation(@TempDir Path dir) throws Exception {
    write(
        dir,
        JAVA + "Listeners.java",
        """
        package com.example;

        import io.awspring.cloud.sqs.annotation.*;
        import org.springframework.kafka.annotation.KafkaHandler;
        import org.springframework.kafka.annotation.KafkaListener;

        @KafkaListener(topics = "events")
        class Multi {
          @KafkaHandler
          public void onString(String s) {
          }
        }

        class Sqs {
          @org.springframework.jms.annotation.JmsListener(destination = "jobs")
          public void onJob(String s) {
          }

          @SqsListener(value = {"a", "https://sqs.eu-west-1.amazonaws.com/123456789012/b"})
          public void onAB(String s) {
          }
        }
        """);
    List<EventHandler> found = listeners(dir);
    assertThat(found)
        .extracting(
            h ->
                h.location.toString()
                    + " "
                    + h.trigger
                    + " "
                    + h.sources
                    + " "
                    + h.idempotency.known()
                    + h.idempotency.present())
        .containsExactlyInAnyOrder(
            JAVA + "Listeners.java:9 KAFKA [events] truefalse",
            JAVA + "Listeners.java:15 JMS [jobs] truefalse",
            JAVA
                + "Listeners.java:19 SQS [a, https://sqs.eu-west-1.amazonaws.com/123456789012/b] truefalse");
  }

  @Test
  void kafkaTransactionsMakeKafkaListenersUndetermined(@TempDir Path dir) throws Exception {
    write(
        dir,
        JAVA + "Config.java",
        """
        package com.example;

        import org.springframework.context.annotation.Bean;
        import org.springframework.kafka.transaction.KafkaTransactionManager;

        class Config {
          @Bean
          KafkaTransactionManager<String, String> kafkaTransactionManager(Object pf) {
            return null;
          }
        }
        """);
    write(
        dir,
        JAVA + "Listener.java",
        """
        package com.example;

        import org.springframework.kafka.annotation.KafkaListener;
        import io.awspring.cloud.sqs.annotation.SqsListener;

        class Listener {
          @KafkaListener(topics = "t")
          public void on(String s) {
          }

          @SqsListener("q")
          public void onSqs(String s) {
          }
        }
        """);
    List<EventHandler> found = listeners(dir);
    EventHandler kafka =
        found.stream().filter(h -> h.trigger.equals("KAFKA")).findFirst().orElseThrow();
    assertThat(kafka.idempotency.unresolved()).isTrue();
    assertThat(kafka.idempotency.trace())
        .extracting(Object::toString)
        .containsExactly(JAVA + "Listener.java:7", JAVA + "Config.java:8");
    EventHandler sqs =
        found.stream().filter(h -> h.trigger.equals("SQS")).findFirst().orElseThrow();
    assertThat(sqs.idempotency.known() && !sqs.idempotency.present()).isTrue();
  }

  @Test
  void springBootTransactionIdPrefixTurnsOnKafkaTransactions(@TempDir Path dir) throws Exception {
    write(
        dir,
        "svc/src/main/resources/application.yml",
        """
        spring:
          kafka.producer:
            transaction-id-prefix: tx-
        """);
    write(
        dir,
        "svc/src/test/resources/application.yml",
        """
        spring.kafka.producer.transaction-id-prefix: test-tx-
        """);
    write(
        dir,
        JAVA + "Listener.java",
        """
        package com.example;

        import org.springframework.kafka.annotation.KafkaListener;

        class Listener {
          @KafkaListener(topics = "t")
          public void on(String s) {
          }
        }
        """);
    EventHandler h = listeners(dir).get(0);
    assertThat(h.idempotency.unresolved()).isTrue();
    assertThat(h.idempotency.trace())
        .extracting(Object::toString)
        .containsExactly(JAVA + "Listener.java:6", "svc/src/main/resources/application.yml:3");
  }

  @Test
  void aTransactionalListenerWithAnotherManagerIsStillJudged(@TempDir Path dir) throws Exception {
    write(
        dir,
        JAVA + "Listener.java",
        """
        package com.example;

        import org.springframework.kafka.annotation.KafkaListener;
        import org.springframework.transaction.annotation.Transactional;

        class Listener {
          @KafkaListener(topics = "t")
          @Transactional("jpaTransactionManager")
          public void on(String s) {
          }
        }
        """);
    EventHandler h = listeners(dir).get(0);
    assertThat(h.idempotency.known() && !h.idempotency.present()).isTrue();
  }

  @Test
  void aFifoQueueDeclaredInIacDeduplicates(@TempDir Path dir) throws Exception {
    write(
        dir,
        "infra/main.tf",
        """
        resource "aws_sqs_queue" "orders" {
          name       = "orders-queue"
          fifo_queue = true
        }
        resource "aws_sqs_queue" "plain" {
          name = "plain-queue"
        }
        """);
    write(
        dir,
        JAVA + "Listener.java",
        """
        package com.example;

        import io.awspring.cloud.sqs.annotation.SqsListener;

        class Listener {
          @SqsListener("orders-queue")
          public void onOrder(String s) {
          }

          @SqsListener({"orders-queue", "plain-queue"})
          public void onBoth(String s) {
          }
        }
        """);
    List<EventHandler> found = listeners(dir);
    assertThat(found.get(0).idempotency.present()).isTrue();
    assertThat(found.get(0).idempotency.get()).startsWith("FIFO queue");
    assertThat(found.get(0).idempotency.trace().get(0).file()).isEqualTo("infra/main.tf");
    assertThat(found.get(1).idempotency.present()).isFalse();
  }

  @Test
  void idempotencyIsFollowedThroughMethodReferencesStaticCallsAndSuperclasses(@TempDir Path dir)
      throws Exception {
    write(
        dir,
        JAVA + "Base.java",
        """
        package com.example;

        abstract class Base {
          protected void save(Object request) {
            Object r = PutItemRequest.builder().conditionExpression("attribute_not_exists(id)").build();
          }
        }
        """);
    write(
        dir,
        JAVA + "Dedup.java",
        """
        package com.example;

        final class Dedup {
          static void once(String id) {
            Object r = PutItemRequest.builder().conditionExpression("attribute_not_exists(id)").build();
          }
        }
        """);
    write(
        dir,
        JAVA + "Listener.java",
        """
        package com.example;

        import java.util.List;
        import org.springframework.amqp.rabbit.annotation.RabbitListener;

        class Listener extends Base {
          @RabbitListener(queues = "a")
          public void onBatch(List<String> messages) {
            messages.forEach(this::process);
          }

          private void process(String m) {
            save(m);
          }

          @RabbitListener(queues = "b")
          public void onOne(String m) {
            Dedup.once(m);
          }

          @RabbitListener(queues = "c")
          public void onNothing(String m) {
            System.out.println(m);
          }
        }
        """);
    List<EventHandler> found = listeners(dir);
    assertThat(found)
        .extracting(
            h ->
                h.sources.get(0)
                    + " "
                    + h.idempotency.present()
                    + " "
                    + (h.idempotency.present() ? h.idempotency.trace().get(0).toString() : ""))
        .containsExactlyInAnyOrder(
            "a true " + JAVA + "Base.java:5", "b true " + JAVA + "Dedup.java:5", "c false ");
  }

  private static final Path FIXTURES =
      Path.of("src/test/resources/rules/REL-CODE-EVENT-HANDLER-NO-IDEMPOTENCY/cloudformation");

  @Test
  void aListenerTransactionalWithAKafkaManagerIsNotJudged() throws Exception {
    List<EventHandler> found = listeners(FIXTURES.resolve("undetermined"));
    assertThat(found).hasSize(1);
    assertThat(found.get(0).idempotency.unresolved()).isTrue();
    assertThat(found.get(0).idempotency.trace())
        .extracting(Object::toString)
        .containsExactly(
            "ledger-service/src/main/java/com/example/ledger/LedgerListener.java:17",
            "ledger-service/src/main/java/com/example/ledger/LedgerListener.java:18");
  }

  @Test
  void aListenerFindingNamesTheListenerAndItsSource() throws Exception {
    var findings =
        Pipeline.run(
                new Pipeline.Request(
                    List.of(FIXTURES.resolve("fail")), "t", Context.defaults(), List.of()))
            .assessment()
            .findings()
            .stream()
            .map(n -> n.finding())
            .filter(f -> f.title().startsWith("Listener OrderListeners.onOrder"))
            .toList();
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).title())
        .isEqualTo("Listener OrderListeners.onOrder (SQS) has no idempotency");
    assertThat(findings.get(0).description())
        .contains("Spring Cloud AWS @SqsListener", "order-events");
    assertThat(findings.get(0).evidence())
        .extracting(Object::toString)
        .containsExactly("orders-service/src/main/java/com/example/orders/OrderListeners.java:18");
  }
}

package dev.relplan.code.javascript;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.Integration;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MongoDB driver, mongoose and kafkajs clients in JavaScript and TypeScript. */
class JsDataClientsTest {
  private static Integration only(String source) {
    List<Integration> r =
        new JavaScriptCodeScanner()
            .scan(
                List.of(
                    new SourceFile(
                        Path.of("store.js"), "store.js", FileKind.SOURCE_CODE, source, List.of())))
            .integrations();
    assertThat(r).hasSize(1);
    return r.get(0);
  }

  private static List<Integer> lines(Integration i) {
    return i.timeout.trace().stream().map(l -> l.line()).toList();
  }

  @Test
  void mongoClientWithoutTimeoutsWaitsForever() {
    Integration i =
        only(
            """
        const { MongoClient } = require('mongodb');

        const client = new MongoClient('mongodb://catalog-db:27017/shop', { maxPoolSize: 10 });
        """);
    assertThat(i.kind).isEqualTo(Integration.Kind.DATABASE);
    assertThat(i.target.get()).isEqualTo("MongoDB catalog-db");
    assertThat(i.timeout.known() && !i.timeout.present()).isTrue();
    assertThat(lines(i)).containsExactly(3);
  }

  @Test
  void mongooseSocketTimeoutOptionIsExplicit() {
    Integration i =
        only(
            """
        import mongoose from 'mongoose';

        await mongoose.connect('mongodb://catalog-db/shop', {
          socketTimeoutMS: 5000,
        });
        """);
    assertThat(i.client).isEqualTo("mongoose");
    assertThat(i.timeout.get()).isEqualTo("socketTimeoutMS 5000 ms");
    assertThat(lines(i)).containsExactly(4);
  }

  @Test
  void mongoUriFromTheEnvironmentCannotBeDetermined() {
    Integration i =
        only(
            """
        const { MongoClient } = require('mongodb');

        const client = new MongoClient(process.env.MONGO_URL);
        """);
    assertThat(i.timeout.unresolved()).isTrue();
    assertThat(lines(i)).containsExactly(3);
  }

  @Test
  void kafkajsShowsItsDefaultsAndAnExplicitRequestTimeout() {
    Integration byDefault =
        only(
            """
        const { Kafka } = require('kafkajs');

        const kafka = new Kafka({ clientId: 'orders', brokers: ['kafka:9092'] });
        """);
    assertThat(byDefault.kind).isEqualTo(Integration.Kind.MESSAGING);
    assertThat(byDefault.target.get()).isEqualTo("Kafka kafka:9092");
    assertThat(byDefault.timeout.get()).startsWith("requestTimeout 30 s");
    Integration set =
        only(
            """
        const { Kafka } = require('kafkajs');

        const kafka = new Kafka({
          brokers: ['kafka:9092'],
          requestTimeout: 5000,
        });
        """);
    assertThat(set.timeout.get()).isEqualTo("requestTimeout 5000 ms");
    assertThat(lines(set)).containsExactly(5);
  }
}

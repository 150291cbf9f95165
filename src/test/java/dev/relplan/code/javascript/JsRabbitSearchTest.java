package dev.relplan.code.javascript;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.Integration;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** amqplib connections and Elasticsearch/OpenSearch clients in JavaScript and TypeScript. */
class JsRabbitSearchTest {
  private static Integration only(String source) {
    List<Integration> r =
        new JavaScriptCodeScanner()
            .scan(
                List.of(
                    new SourceFile(
                        Path.of("broker.js"),
                        "broker.js",
                        FileKind.SOURCE_CODE,
                        source,
                        List.of())))
            .integrations();
    assertThat(r).hasSize(1);
    return r.get(0);
  }

  private static List<Integer> lines(Integration i) {
    return i.timeout.trace().stream().map(l -> l.line()).toList();
  }

  @Test
  void amqplibConnectionHasNoTimeout() {
    Integration i =
        only(
            """
        const amqp = require('amqplib');

        async function start() {
          const connection = await amqp.connect('amqp://guest:guest@rabbitmq:5672');
          return connection.createChannel();
        }
        """);
    assertThat(i.kind).isEqualTo(Integration.Kind.MESSAGING);
    assertThat(i.target.get()).isEqualTo("RabbitMQ rabbitmq");
    assertThat(i.timeout.known() && !i.timeout.present()).isTrue();
    assertThat(lines(i)).containsExactly(4);
  }

  @Test
  void openSearchClientShowsItsDefault() {
    Integration i =
        only(
            """
        const { Client } = require('@opensearch-project/opensearch');

        const client = new Client({ node: 'https://opensearch:9200' });
        """);
    assertThat(i.kind).isEqualTo(Integration.Kind.DATABASE);
    assertThat(i.target.get()).isEqualTo("OpenSearch https://opensearch:9200");
    assertThat(i.timeout.get()).startsWith("requestTimeout 30 s");
    assertThat(i.timeout.isExplicit()).isFalse();
  }

  @Test
  void elasticsearchRequestTimeoutIsExplicitAtItsLine() {
    Integration i =
        only(
            """
        import { Client } from '@elastic/elasticsearch';

        const client = new Client({
          node: 'http://search:9200',
          requestTimeout: 5000,
        });
        """);
    assertThat(i.timeout.get()).isEqualTo("requestTimeout 5000 ms");
    assertThat(lines(i)).containsExactly(5);
  }

  @Test
  void elasticsearchWithoutRequestTimeoutDependsOnTheVersion() {
    Integration i =
        only(
            """
        import { Client } from '@elastic/elasticsearch';

        const client = new Client({ node: 'http://search:9200' });
        """);
    assertThat(i.timeout.unresolved()).isTrue();
    assertThat(i.timeout.note()).contains("9.0");
  }

  @Test
  void elasticsearchRequestTimeoutZeroHasNoTimeout() {
    Integration i =
        only(
            """
        import { Client } from '@elastic/elasticsearch';

        const client = new Client({ node: 'http://search:9200', requestTimeout: 0 });
        """);
    assertThat(i.timeout.known() && !i.timeout.present()).isTrue();
    assertThat(i.timeout.note()).contains("requestTimeout 0");
  }
}

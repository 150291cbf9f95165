package dev.relplan.code.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.Integration;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** elasticsearch-py and opensearch-py clients: DATABASE integrations with a 10 s default. */
class PySearchTest {
  private static Integration only(String source) {
    List<Integration> r =
        new PythonCodeScanner()
            .scan(
                List.of(
                    new SourceFile(
                        Path.of("search.py"),
                        "search.py",
                        FileKind.SOURCE_CODE,
                        source,
                        List.of())))
            .integrations();
    assertThat(r).hasSize(1);
    return r.get(0);
  }

  @Test
  void elasticsearchShowsItsDefault() {
    Integration i =
        only(
            """
        from elasticsearch import Elasticsearch

        es = Elasticsearch("http://search:9200")
        """);
    assertThat(i.kind).isEqualTo(Integration.Kind.DATABASE);
    assertThat(i.target.get()).isEqualTo("Elasticsearch search");
    assertThat(i.timeout.get()).startsWith("10 s per request");
    assertThat(i.timeout.isExplicit()).isFalse();
  }

  @Test
  void openSearchTimeoutIsExplicitAtItsLine() {
    Integration i =
        only(
            """
        from opensearchpy import OpenSearch

        client = OpenSearch(
            hosts=["opensearch:9200"],
            timeout=30,
        )
        """);
    assertThat(i.target.get()).isEqualTo("OpenSearch opensearch:9200");
    assertThat(i.timeout.get()).isEqualTo("timeout 30 s");
    assertThat(i.timeout.trace()).extracting(l -> l.line()).containsExactly(5);
  }

  @Test
  void requestTimeoutNoneHasNoTimeout() {
    Integration i =
        only(
            """
        from elasticsearch import Elasticsearch

        es = Elasticsearch("http://search:9200", request_timeout=None)
        """);
    assertThat(i.timeout.get()).isNull();
    assertThat(i.timeout.unresolved()).isFalse();
    assertThat(i.timeout.note()).contains("request_timeout=None");
  }

  @Test
  void splatOptionsCannotBeDetermined() {
    Integration i =
        only(
            """
        from elasticsearch import AsyncElasticsearch
        from settings import ES_OPTIONS

        es = AsyncElasticsearch(**ES_OPTIONS)
        """);
    assertThat(i.timeout.unresolved()).isTrue();
  }
}

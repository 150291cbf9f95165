package dev.relplan.code.csharp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.code.ScanResult;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.Integration;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** gRPC client calls in C#: a deadline argument or CallOptions bounds a call; none by default. */
class CsGrpcTest {
  private static Integration only(String source) {
    ScanResult r =
        new CsharpCodeScanner()
            .scan(
                List.of(
                    new SourceFile(
                        Path.of("Stock.cs"), "Stock.cs", FileKind.SOURCE_CODE, source, List.of())));
    assertThat(r.integrations()).hasSize(1);
    return r.integrations().get(0);
  }

  @Test
  void aCallWithoutDeadlineHasNone() {
    Integration i =
        only(
            """
            using Grpc.Net.Client;

            public class Stock
            {
                private readonly StockService.StockServiceClient _client =
                    new StockService.StockServiceClient(GrpcChannel.ForAddress("http://stock:50051"));

                public async Task<long> Level(string sku)
                {
                    var reply = await _client.LevelAsync(new LevelRequest { Sku = sku });
                    return reply.Count;
                }
            }
            """);
    assertThat(i.kind).isEqualTo(Integration.Kind.RPC);
    assertThat(i.client).isEqualTo("gRPC (C#)");
    assertThat(i.target.get()).isEqualTo("StockService/Level");
    assertThat(i.location.line()).isEqualTo(10);
    assertThat(i.clientLocation.line()).isEqualTo(6);
    assertThat(i.timeout.known() && !i.timeout.present()).isTrue();
  }

  @Test
  void aDeadlineArgumentIsTheDeadline() {
    Integration i =
        only(
            """
            using Grpc.Net.Client;

            public class Stock
            {
                public long Level(string sku)
                {
                    var channel = GrpcChannel.ForAddress("http://stock:50051");
                    var client = new StockService.StockServiceClient(channel);
                    return client.Level(new LevelRequest { Sku = sku }, deadline: DateTime.UtcNow.AddSeconds(2)).Count;
                }
            }
            """);
    assertThat(i.timeout.get()).isEqualTo("deadline DateTime.UtcNow.AddSeconds(2) (deadline:)");
    assertThat(i.timeout.trace()).extracting(l -> l.line()).containsExactly(9);
  }

  @Test
  void anInjectedClientIsCannotDetermine() {
    Integration i =
        only(
            """
            public class Stock
            {
                private readonly StockService.StockServiceClient _client;

                public Stock(StockService.StockServiceClient client)
                {
                    _client = client;
                }

                public long Level(string sku) => _client.Level(new LevelRequest { Sku = sku }).Count;
            }
            """);
    assertThat(i.timeout.unresolved()).isTrue();
    assertThat(i.timeout.note()).contains("AddGrpcClient registration");
  }
}

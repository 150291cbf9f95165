package dev.relplan.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.code.java.JavaCodeScanner;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.Integration;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** gRPC stub calls in Java: withDeadlineAfter on the stub chain bounds a call; none by default. */
class GrpcStubsTest {
  private static Integration only(String source) {
    ScanResult r =
        new JavaCodeScanner()
            .scan(
                List.of(
                    new SourceFile(
                        Path.of("Stock.java"),
                        "Stock.java",
                        FileKind.SOURCE_CODE,
                        source,
                        List.of())));
    assertThat(r.integrations()).hasSize(1);
    return r.integrations().get(0);
  }

  @Test
  void aStubFieldWithoutDeadlineHasNone() {
    Integration i =
        only(
            """
            package shop;

            import io.grpc.ManagedChannel;
            import io.grpc.ManagedChannelBuilder;

            class Stock {
              private final ManagedChannel channel =
                  ManagedChannelBuilder.forTarget("stock:50051").usePlaintext().build();
              private final StockServiceGrpc.StockServiceBlockingStub stub =
                  StockServiceGrpc.newBlockingStub(channel);

              long level(LevelRequest request) {
                return stub.level(request).getCount();
              }
            }
            """);
    assertThat(i.kind).isEqualTo(Integration.Kind.RPC);
    assertThat(i.client).isEqualTo("gRPC (Java)");
    assertThat(i.target.get()).isEqualTo("StockService/level");
    assertThat(i.location.line()).isEqualTo(13);
    assertThat(i.clientLocation.line()).isEqualTo(10);
    assertThat(i.timeout.known() && !i.timeout.present()).isTrue();
  }

  @Test
  void withDeadlineAfterOnTheChainIsTheDeadline() {
    Integration i =
        only(
            """
            package shop;

            import io.grpc.ManagedChannel;
            import java.util.concurrent.TimeUnit;

            class Stock {
              long level(ManagedChannel channel, LevelRequest request) {
                return StockServiceGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(2, TimeUnit.SECONDS)
                    .level(request)
                    .getCount();
              }
            }
            """);
    assertThat(i.timeout.get()).isEqualTo("2 SECONDS (withDeadlineAfter)");
    assertThat(i.timeout.trace()).extracting(l -> l.line()).containsExactly(9);
  }

  @Test
  void anInjectedStubIsCannotDetermine() {
    Integration i =
        only(
            """
            package shop;

            class Stock {
              private final StockServiceGrpc.StockServiceBlockingStub stub;

              Stock(StockServiceGrpc.StockServiceBlockingStub stub) {
                this.stub = stub;
              }

              long level(LevelRequest request) {
                return stub.level(request).getCount();
              }
            }
            """);
    assertThat(i.target.get()).isEqualTo("StockService/level");
    assertThat(i.timeout.unresolved()).isTrue();
  }
}

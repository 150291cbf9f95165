package dev.relplan.code.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.code.ScanResult;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.Integration;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** gRPC stub calls in Python: the call's timeout argument is its deadline; none by default. */
class PyGrpcTest {
  private static ScanResult scan(String source) {
    return new PythonCodeScanner()
        .scan(
            List.of(
                new SourceFile(
                    Path.of("app.py"), "app.py", FileKind.SOURCE_CODE, source, List.of())));
  }

  @Test
  void aStubCallWithoutTimeoutHasNoDeadline() {
    var r =
        scan(
            """
        import grpc
        import stock_pb2
        import stock_pb2_grpc

        channel = grpc.insecure_channel("stock:50051")
        stub = stock_pb2_grpc.StockServiceStub(channel)

        def level(sku):
            return stub.Level(stock_pb2.LevelRequest(sku=sku))
        """);
    assertThat(r.integrations()).hasSize(1);
    Integration i = r.integrations().get(0);
    assertThat(i.kind).isEqualTo(Integration.Kind.RPC);
    assertThat(i.client).isEqualTo("gRPC (Python)");
    assertThat(i.location.line()).isEqualTo(9);
    assertThat(i.clientLocation.line()).isEqualTo(6);
    assertThat(i.target.get()).isEqualTo("StockService/Level at stock:50051");
    assertThat(i.timeout.known() && !i.timeout.present()).isTrue();
    assertThat(i.timeout.note()).contains("By default, gRPC does not set a deadline");
  }

  @Test
  void aTimeoutArgumentIsTheDeadline() {
    var r =
        scan(
            """
        import grpc
        from stock_pb2_grpc import StockServiceStub

        class Stock:
            def __init__(self, address):
                self.stub = StockServiceStub(grpc.aio.insecure_channel(address))

            async def level(self, request):
                return await self.stub.Level(request, timeout=2.5)

            def reserve(self, request):
                return self.stub.Reserve.future(request, 4)
        """);
    assertThat(r.integrations()).hasSize(2);
    assertThat(r.integrations().get(0).timeout.get()).isEqualTo("2.5 s (timeout=)");
    assertThat(r.integrations().get(0).timeout.trace())
        .extracting(l -> l.line())
        .containsExactly(9);
    assertThat(r.integrations().get(1).target.get()).isEqualTo("StockService/Reserve");
    assertThat(r.integrations().get(1).timeout.get()).isEqualTo("4 s (timeout=)");
  }

  @Test
  void timeoutNoneIsNoDeadline() {
    var r =
        scan(
            """
        import grpc
        import stock_pb2_grpc

        def level(channel, request):
            stub = stock_pb2_grpc.StockServiceStub(channel)
            return stub.Level(request, timeout=None)
        """);
    assertThat(r.integrations()).hasSize(1);
    Integration i = r.integrations().get(0);
    assertThat(i.target.get()).isEqualTo("StockService/Level");
    assertThat(i.timeout.known() && !i.timeout.present()).isTrue();
    assertThat(i.timeout.trace()).extracting(l -> l.line()).containsExactly(6);
  }

  @Test
  void aClassEndingInStubOnAnUnknownArgumentIsNoClient() {
    var r =
        scan(
            """
        import grpc
        from testing import FakeStub

        def level(thing, request):
            return FakeStub(thing).Level(request)
        """);
    assertThat(r.integrations()).isEmpty();
  }

  @Test
  void keywordArgumentsFromADictionaryAreCannotDetermine() {
    var r =
        scan(
            """
        import grpc
        import stock_pb2_grpc

        stub = stock_pb2_grpc.StockServiceStub(grpc.insecure_channel("stock:50051"))

        def level(request, options):
            return stub.Level(request, **options)
        """);
    assertThat(r.integrations()).hasSize(1);
    assertThat(r.integrations().get(0).timeout.unresolved()).isTrue();
    assertThat(r.integrations().get(0).timeout.note()).contains("**options may pass a timeout");
  }

  @Test
  void aStubOverAChannelTheProjectsOwnFunctionMakesIsStillFound() {
    var r =
        scan(
            """
        import stock_pb2
        import stock_pb2_grpc

        channel = make_channel()
        stub = stock_pb2_grpc.StockServiceStub(channel)

        def level(sku):
            return stub.Level(stock_pb2.LevelRequest(sku=sku))
        """);
    assertThat(r.skipped()).isEmpty();
    assertThat(r.integrations()).hasSize(1);
    assertThat(r.integrations().get(0).client).isEqualTo("gRPC (Python)");
  }
}

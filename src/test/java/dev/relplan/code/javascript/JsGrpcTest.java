package dev.relplan.code.javascript;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.code.ScanResult;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.Integration;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** gRPC client calls in Node: the deadline call option bounds a call; none by default. */
class JsGrpcTest {
  private static ScanResult scan(String name, String source) {
    return new JavaScriptCodeScanner()
        .scan(
            List.of(new SourceFile(Path.of(name), name, FileKind.SOURCE_CODE, source, List.of())));
  }

  @Test
  void aClientFromALoadedPackageDefinitionWithoutDeadlineHasNone() {
    var r =
        scan(
            "client.js",
            """
            const grpc = require('@grpc/grpc-js');
            const protoLoader = require('@grpc/proto-loader');

            const shop = grpc.loadPackageDefinition(protoLoader.loadSync('shop.proto')).shop;
            const stock = new shop.StockService('stock:50051', grpc.credentials.createInsecure());

            function level(sku, done) {
              stock.level({ sku }, (err, reply) => done(err, reply));
            }
            """);
    assertThat(r.integrations()).hasSize(1);
    Integration i = r.integrations().get(0);
    assertThat(i.kind).isEqualTo(Integration.Kind.RPC);
    assertThat(i.client).isEqualTo("gRPC (Node)");
    assertThat(i.location.line()).isEqualTo(8);
    assertThat(i.clientLocation.line()).isEqualTo(5);
    assertThat(i.target.get()).isEqualTo("StockService/level at stock:50051");
    assertThat(i.timeout.known() && !i.timeout.present()).isTrue();
  }

  @Test
  void aDeadlineOptionAfterMetadataIsTheDeadline() {
    var r =
        scan(
            "client.ts",
            """
            import { ChannelCredentials, Metadata } from '@grpc/grpc-js';
            import { StockServiceClient } from './protos/stock';

            const client = new StockServiceClient(process.env.STOCK_ADDR, ChannelCredentials.createInsecure());

            export function level(sku: string, done: (e: Error | null) => void) {
              const deadline = Date.now() + 2000;
              client.level({ sku }, new Metadata(), { deadline }, (err) => done(err));
            }
            """);
    assertThat(r.integrations()).hasSize(1);
    Integration i = r.integrations().get(0);
    assertThat(i.target.get()).isEqualTo("StockService/level");
    assertThat(i.timeout.get()).isEqualTo("deadline deadline (call options)");
    assertThat(i.timeout.trace()).extracting(l -> l.line()).containsExactly(8);
  }

  @Test
  void callOptionsFromAParameterAreCannotDetermine() {
    var r =
        scan(
            "client.js",
            """
            const grpc = require('grpc');
            const shop = grpc.load('shop.proto').shop;
            const stock = new shop.StockService('stock:50051', grpc.credentials.createInsecure());

            function level(sku, options, done) {
              stock.level({ sku }, options, done);
            }
            """);
    assertThat(r.integrations()).hasSize(1);
    assertThat(r.integrations().get(0).timeout.unresolved()).isTrue();
    assertThat(r.integrations().get(0).timeout.note()).contains("call options options");
  }

  @Test
  void aClassWithoutGrpcCredentialsIsNoClient() {
    var r =
        scan(
            "client.js",
            """
            const grpc = require('@grpc/grpc-js');
            const cache = new Map('a', 'b');
            cache.get('a');
            """);
    assertThat(r.integrations()).isEmpty();
  }
}

package dev.relplan.code.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.Integration;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * pymongo and Motor clients: one DATABASE integration per creation, timeoutMS / socketTimeoutMS.
 */
class PyMongoTest {
  private static List<Integration> scan(String source) {
    return new PythonCodeScanner()
        .scan(
            List.of(
                new SourceFile(
                    Path.of("store.py"), "store.py", FileKind.SOURCE_CODE, source, List.of())))
        .integrations();
  }

  private static boolean none(Integration i) {
    return i.timeout.known() && !i.timeout.present();
  }

  @Test
  void clientWithoutTimeoutsWaitsForeverAtItsCreationLine() {
    var r =
        scan(
            """
        from pymongo import MongoClient

        client = MongoClient("mongodb://orders-db.internal:27017/orders",
                             serverSelectionTimeoutMS=5000)
        """);
    assertThat(r).hasSize(1);
    Integration i = r.get(0);
    assertThat(i.kind).isEqualTo(Integration.Kind.DATABASE);
    assertThat(i.client).isEqualTo("pymongo");
    assertThat(i.location.line()).isEqualTo(3);
    assertThat(i.target.get()).isEqualTo("MongoDB orders-db.internal");
    assertThat(none(i)).isTrue();
    assertThat(i.timeout.note()).contains("no timeoutMS or socketTimeoutMS");
    assertThat(i.timeout.trace()).extracting(l -> l.line()).containsExactly(3);
  }

  @Test
  void socketTimeoutKeywordIsExplicitAtItsLine() {
    var r =
        scan(
            """
        import pymongo

        client = pymongo.MongoClient(
            "mongodb://orders-db.internal/orders",
            socketTimeoutMS=3000,
        )
        """);
    assertThat(r.get(0).timeout.get()).isEqualTo("socketTimeoutMS 3000 ms");
    assertThat(r.get(0).timeout.trace()).extracting(l -> l.line()).containsExactly(5);
  }

  @Test
  void timeoutInALiteralUriIsExplicit() {
    var r =
        scan(
            """
        from motor.motor_asyncio import AsyncIOMotorClient

        URI = "mongodb+srv://app:secret@catalog.example.net/shop?retryWrites=true&timeoutMS=2000"
        client = AsyncIOMotorClient(URI)
        """);
    assertThat(r.get(0).client).isEqualTo("Motor");
    assertThat(r.get(0).target.get()).isEqualTo("MongoDB catalog.example.net");
    assertThat(r.get(0).timeout.get()).isEqualTo("timeoutMS 2000 ms");
  }

  @Test
  void zeroSocketTimeoutIsNoTimeout() {
    var r =
        scan(
            """
        from pymongo import MongoClient
        client = MongoClient("mongodb://db/?socketTimeoutMS=0")
        """);
    assertThat(none(r.get(0))).isTrue();
    assertThat(r.get(0).timeout.note()).contains("socketTimeoutMS=0");
  }

  @Test
  void uriFromTheEnvironmentCannotBeDetermined() {
    var r =
        scan(
            """
        import os
        from pymongo import MongoClient

        client = MongoClient(os.environ["MONGO_URL"])
        """);
    assertThat(r.get(0).timeout.unresolved()).isTrue();
    assertThat(r.get(0).timeout.note()).contains("os.environ[\"MONGO_URL\"]");
    assertThat(r.get(0).timeout.trace()).extracting(l -> l.line()).containsExactly(4);
  }
}

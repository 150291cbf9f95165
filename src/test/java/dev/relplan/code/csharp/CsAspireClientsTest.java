package dev.relplan.code.csharp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.code.ScanResult;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.Integration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * .NET Aspire client registrations: an integration of their kind at the registration, with the
 * defaults Aspire leaves in place, and the health check each adds.
 */
class CsAspireClientsTest {
  private static ScanResult scan(String... nameAndSource) {
    List<SourceFile> files = new ArrayList<>();
    for (int i = 0; i < nameAndSource.length; i += 2)
      files.add(
          new SourceFile(
              Path.of(nameAndSource[i]),
              nameAndSource[i],
              FileKind.SOURCE_CODE,
              nameAndSource[i + 1],
              List.of()));
    return new CsharpCodeScanner().scan(files);
  }

  @Test
  void anEfCoreRegistrationIsADatabaseWithNpgsqlsTimeoutAndAspiresRetries() {
    List<Integration> found =
        scan(
                "Catalog/Program.cs",
                """
                var builder = WebApplication.CreateBuilder(args);
                builder.AddNpgsqlDbContext<CatalogContext>("catalogdb");
                """)
            .integrations();
    assertThat(found).hasSize(1);
    Integration i = found.get(0);
    assertThat(i.kind).isEqualTo(Integration.Kind.DATABASE);
    assertThat(i.client).isEqualTo("Npgsql EF Core (Aspire)");
    assertThat(i.location.toString()).isEqualTo("Catalog/Program.cs:2");
    assertThat(i.target.get()).isEqualTo("PostgreSQL connection \"catalogdb\"");
    assertThat(i.timeout.isExplicit()).isFalse();
    assertThat(i.timeout.get()).startsWith("30 s");
    assertThat(i.timeout.note()).contains("\"catalogdb\" and the Aspire configuration section");
    assertThat(i.retry.get()).contains("6 retries");
  }

  @Test
  void settingsWrittenInTheRegistrationDecide() {
    Integration i =
        scan(
                "Orders/Program.cs",
                """
                builder.AddSqlServerDbContext<OrdersContext>("ordersdb", settings =>
                {
                    settings.CommandTimeout = 5;
                    settings.DisableRetry = true;
                });
                """)
            .integrations()
            .get(0);
    assertThat(i.timeout.get()).isEqualTo("5 s (Aspire CommandTimeout)");
    assertThat(i.timeout.trace()).extracting(l -> l.line()).containsExactly(3);
    assertThat(i.retry.get()).startsWith("disabled");
    assertThat(i.retry.trace()).extracting(l -> l.line()).containsExactly(4);
  }

  @Test
  void aRabbitMqConnectionNamedByAParameterIsMessagingAndUndetermined() {
    Integration i =
        scan(
                "Bus/Extensions.cs",
                """
                public static class Bus
                {
                    public static void AddBus(this IHostApplicationBuilder builder, string name)
                    {
                        builder.AddRabbitMQClient(name);
                    }
                }
                """)
            .integrations()
            .get(0);
    assertThat(i.kind).isEqualTo(Integration.Kind.MESSAGING);
    assertThat(i.enclosing).isEqualTo("Bus.AddBus");
    assertThat(i.target.present()).isFalse();
    assertThat(i.timeout.unresolved()).isTrue();
    assertThat(i.timeout.trace()).extracting(l -> l.line()).containsExactly(5);
  }

  @Test
  void anAspireClientsHealthCheckMakesTheHealthEndpointDeep() {
    ScanResult r =
        scan(
            "Basket/Program.cs",
            """
            builder.AddRedisClient("redis");
            app.MapHealthChecks("/health");
            """);
    assertThat(r.healthEndpoints()).hasSize(1);
    assertThat(r.healthEndpoints().get(0).dependencyCheck.trace())
        .extracting(l -> l.toString())
        .containsExactly("Basket/Program.cs:1");
  }

  @Test
  void aDisabledHealthCheckLeavesTheEndpointShallow() {
    ScanResult r =
        scan(
            "Basket/Program.cs",
            """
            builder.AddRedisClient("redis", s => s.DisableHealthChecks = true);
            app.MapHealthChecks("/health");
            """);
    assertThat(r.healthEndpoints().get(0).dependencyCheck.present()).isFalse();
  }
}

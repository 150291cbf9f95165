package dev.relplan.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.assess.Assessment;
import dev.relplan.model.Integration;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.rules.Context;
import dev.relplan.rules.Finding;
import dev.relplan.rules.Risk;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Calls made by code on the users' side (browser scripts, device apps) are rated lower. */
class ClientAppsTest {
  @TempDir Path dir;

  private static final String CATALOG =
      """
      using Grpc.Net.Client;
      public class Catalog
      {
          private readonly CatalogApi.CatalogApiClient _client =
              new CatalogApi.CatalogApiClient(GrpcChannel.ForAddress("http://catalog:50051"));
          public async Task<long> Count(string sku)
          {
              var reply = await _client.CountAsync(new CountRequest { Sku = sku });
              return reply.Count;
          }
      }
      """;

  private static final String SERVICE_PROJECT =
      """
      <Project Sdk="Microsoft.NET.Sdk.Web">
        <PropertyGroup>
          <TargetFramework>net8.0</TargetFramework>
        </PropertyGroup>
      </Project>
      """;

  private static final String MAUI_PROJECT =
      """
      <Project Sdk="Microsoft.NET.Sdk">
        <PropertyGroup>
          <TargetFrameworks>net8.0-android;net8.0-ios</TargetFrameworks>
          <UseMaui>true</UseMaui>
        </PropertyGroup>
      </Project>
      """;

  private static final String BROWSER_SCRIPT =
      """
      async function send(text) {
        const res = await fetch('/api/chat', { method: 'POST', body: text });
        return res.json();
      }
      """;

  private void write(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }

  private Pipeline.Result run() throws IOException {
    return Pipeline.run(new Pipeline.Request(List.of(dir), "t", Context.defaults(), List.of()));
  }

  private Finding noTimeout() throws IOException {
    List<Finding> found =
        run().assessment().findings().stream()
            .map(Assessment.NumberedFinding::finding)
            .filter(f -> f.rule().id().equals("REL-CODE-CALL-NO-TIMEOUT-OR-BREAKER"))
            .toList();
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  @Test
  void aCallInAMauiAppIsRatedAsNotProductionCitingItsProjectFile() throws IOException {
    write("src/ClientApp/ClientApp.csproj", MAUI_PROJECT);
    write("src/ClientApp/Services/Catalog.cs", CATALOG);
    Finding f = noTimeout();
    assertThat(f.risk()).isEqualTo(Risk.MEDIUM);
    assertThat(f.impactReason())
        .contains("not production", "a .NET MAUI app run on users' devices (ClientApp.csproj)");
    assertThat(f.evidence())
        .extracting(Object::toString)
        .contains("src/ClientApp/ClientApp.csproj:4");
  }

  @Test
  void theSameCallInAServiceProjectKeepsItsRating() throws IOException {
    write("src/Catalog.API/Catalog.API.csproj", SERVICE_PROJECT);
    write("src/Catalog.API/Services/Catalog.cs", CATALOG);
    assertThat(noTimeout().risk()).isEqualTo(Risk.HIGH);
  }

  @Test
  void aBlazorWebAssemblyProjectIsABrowserApp() throws IOException {
    write(
        "src/Web.Client/Web.Client.csproj",
        SERVICE_PROJECT.replace("Microsoft.NET.Sdk.Web", "Microsoft.NET.Sdk.BlazorWebAssembly"));
    write("src/Web.Client/Services/Catalog.cs", CATALOG);
    assertThat(noTimeout().impactReason())
        .contains("a Blazor WebAssembly app run in users' browsers (Web.Client.csproj)");
  }

  @Test
  void aMalformedProjectFileMarksNothing() throws IOException {
    write("src/ClientApp/ClientApp.csproj", "<Project><UseMaui>true");
    write("src/ClientApp/Services/Catalog.cs", CATALOG);
    assertThat(noTimeout().risk()).isEqualTo(Risk.HIGH);
  }

  @Test
  void aScriptServedAsAStaticFileIsBrowserCodeWithTheBrowsersFetch() throws IOException {
    write("gateway/src/main/resources/static/scripts/chat.js", BROWSER_SCRIPT);
    Integration i = run().workload().integrations.get(0);
    assertThat(i.environment.get())
        .isEqualTo("client app (a script served to web browsers as a static file)");
    assertThat(i.timeout.note()).contains("a browser's fetch has no timeout of its own");
  }

  @Test
  void theSameScriptInAServersFolderIsNodeCode() throws IOException {
    write("gateway/src/chat.js", BROWSER_SCRIPT);
    Integration i = run().workload().integrations.get(0);
    assertThat(i.environment.present()).isFalse();
    assertThat(i.timeout.get()).contains("Node.js fetch defaults");
  }

  @Test
  void staticAndPublicFoldersAreRecognisedOnlyWhereServersServeThem() {
    assertThat(ClientApps.isBrowserAsset("app/static/js/main.js")).isTrue();
    assertThat(ClientApps.isBrowserAsset("Web/wwwroot/js/site.js")).isTrue();
    assertThat(ClientApps.isBrowserAsset("svc/src/main/resources/public/app.ts")).isTrue();
    assertThat(ClientApps.isBrowserAsset("svc/public/index.js")).isFalse();
    assertThat(ClientApps.isBrowserAsset("app/static/views.py")).isFalse();
  }

  @Test
  void aClientAppsCallIsAdvisedADeadlineNotABreakerOnEachDevice() throws IOException {
    write("src/ClientApp/ClientApp.csproj", MAUI_PROJECT);
    write("src/ClientApp/Services/Catalog.cs", CATALOG);
    assertThat(dev.relplan.rules.Advice.of(noTimeout()).text())
        .contains("the circuit breaker belongs in the service the app calls")
        .doesNotContain("Polly");
  }
}

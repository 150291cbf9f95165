package dev.relplan.code.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.Integration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Calls through a requests session another module of the project makes at module level. */
class PyImportedClientsTest {
  private static List<Integration> scan(String... namesAndSources) {
    List<SourceFile> files = new ArrayList<>();
    for (int k = 0; k < namesAndSources.length; k += 2)
      files.add(
          new SourceFile(
              Path.of(namesAndSources[k]),
              namesAndSources[k],
              FileKind.SOURCE_CODE,
              namesAndSources[k + 1],
              List.of()));
    return new PythonCodeScanner().scan(files).integrations();
  }

  private static final String CLIENTS =
      """
      import requests
      from requests.adapters import HTTPAdapter

      session = requests.Session()
      session.mount("https://", HTTPAdapter(max_retries=3))
      """;

  @Test
  void aRelativeImportOfAModuleLevelSessionIsInventoriedWithoutTimeout() {
    List<Integration> found =
        scan(
            "svc/app/clients.py",
            CLIENTS,
            "svc/app/orders.py",
            """
            from .clients import session

            def place(order):
                return session.post("https://payments.example.com/charges", json=order)
            """);
    assertThat(found).hasSize(1);
    Integration i = found.get(0);
    assertThat(i.location.toString()).isEqualTo("svc/app/orders.py:4");
    assertThat(i.clientLocation.toString()).isEqualTo("svc/app/clients.py:4");
    assertThat(i.timeout.known() && !i.timeout.present()).isTrue();
  }

  @Test
  void theSessionsMountedRetriesAreReadInTheModuleThatMakesIt() {
    List<Integration> found =
        scan(
            "svc/app/clients.py",
            CLIENTS,
            "svc/app/orders.py",
            """
            from app.clients import session as http

            def place(order):
                return http.post("https://payments.example.com/charges", json=order, timeout=5)
            """);
    assertThat(found).hasSize(1);
    assertThat(found.get(0).retry.get()).isEqualTo("HTTPAdapter(max_retries=3)");
    assertThat(found.get(0).retry.trace())
        .extracting(Object::toString)
        .containsExactly("svc/app/clients.py:5");
    assertThat(found.get(0).timeout.present()).isTrue();
  }

  @Test
  void aNameTheModuleDoesNotMakeAtModuleLevelIsNotInventoried() {
    List<Integration> found =
        scan(
            "svc/app/clients.py",
            """
            import requests

            def make():
                session = requests.Session()
                return session
            """,
            "svc/app/orders.py",
            """
            from .clients import session

            def place(order):
                return session.post("https://payments.example.com/charges", json=order)
            """);
    assertThat(found).isEmpty();
  }

  @Test
  void aModuleLevelValueMadeByTheProjectsOwnFunctionDoesNotStopTheScan() {
    List<Integration> found =
        scan(
            "svc/app/clients.py",
            """
            from .factory import build

            session = make_session()
            """,
            "svc/app/orders.py",
            """
            import requests

            def place(order):
                return requests.post("https://payments.example.com/charges", json=order, timeout=5)
            """);
    assertThat(found).hasSize(1);
    assertThat(found.get(0).location.toString()).isEqualTo("svc/app/orders.py:4");
  }
}

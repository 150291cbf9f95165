package dev.relplan.code.javascript;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.Integration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Calls through an axios instance that another module of the project creates and exports. */
class JsImportedClientsTest {
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
    return new JavaScriptCodeScanner().scan(files).integrations();
  }

  private static final String API_WITH_TIMEOUT =
      """
      import axios from 'axios';
      export const api = axios.create({
        baseURL: 'https://catalog.example.com',
        timeout: 3000,
      });
      """;

  @Test
  void aNamedImportOfAnExportedInstanceTakesItsTimeoutFromTheExportingModule() {
    List<Integration> found =
        scan(
            "web/src/api.ts",
            API_WITH_TIMEOUT,
            "web/src/pages/items.ts",
            """
            import { api } from '../api';
            export async function items() {
              return api.get('/items');
            }
            """);
    assertThat(found).hasSize(1);
    Integration i = found.get(0);
    assertThat(i.location.toString()).isEqualTo("web/src/pages/items.ts:3");
    assertThat(i.clientLocation.toString()).isEqualTo("web/src/api.ts:2");
    assertThat(i.timeout.get()).isEqualTo("3000 ms");
    assertThat(i.timeout.trace()).extracting(Object::toString).containsExactly("web/src/api.ts:4");
    assertThat(i.target.get()).isEqualTo("https://catalog.example.com");
  }

  @Test
  void aDefaultExportWithoutTimeoutIsNoTimeout() {
    List<Integration> found =
        scan(
            "web/src/http/index.js",
            """
            const axios = require('axios');
            const client = axios.create({ baseURL: 'https://cart.example.com' });
            export default client;
            """,
            "web/src/cart.js",
            """
            import http from './http';
            export const add = (item) => http.post('/cart', item);
            """);
    assertThat(found).hasSize(1);
    assertThat(found.get(0).timeout.known() && !found.get(0).timeout.present()).isTrue();
    assertThat(found.get(0).clientLocation.toString()).isEqualTo("web/src/http/index.js:2");
  }

  @Test
  void anImportSpelledWithTheJsExtensionFindsTheTypeScriptModule() {
    List<Integration> found =
        scan(
            "web/src/api.ts",
            API_WITH_TIMEOUT,
            "web/src/orders.ts",
            """
            import { api as catalog } from './api.js';
            export const list = () => catalog.get('/orders');
            """);
    assertThat(found).extracting(i -> i.timeout.get()).containsExactly("3000 ms");
  }

  @Test
  void aNameTheModuleDoesNotExportIsNotInventoried() {
    List<Integration> found =
        scan(
            "web/src/api.ts",
            API_WITH_TIMEOUT,
            "web/src/other.ts",
            """
            import { other } from './api';
            export const list = () => other.get('/orders');
            """);
    assertThat(found).isEmpty();
  }

  @Test
  void anInstanceWhoseConfigComesFromAParameterIsUndetermined() {
    List<Integration> found =
        scan(
            "web/src/api.ts",
            """
            import axios from 'axios';
            import { settings } from './settings';
            export const api = axios.create(settings);
            """,
            "web/src/orders.ts",
            """
            import { api } from './api';
            export const list = () => api.get('/orders');
            """);
    assertThat(found).hasSize(1);
    assertThat(found.get(0).timeout.unresolved()).isTrue();
  }
}

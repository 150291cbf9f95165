package dev.relplan.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Mappings large enough that a duplicate-key check or a key lookup scanning all entries would take
 * minutes; the timeout only guards against a hang (each completes in about a second).
 */
class LargeMappingTest {
  private static final int KEYS = 200_000;

  private static String flatJson(int keys) {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < keys; i++)
      sb.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":1");
    return sb.append("}").toString();
  }

  private static String flatYaml(int keys) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < keys; i++) sb.append('k').append(i).append(": 1\n");
    return sb.toString();
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aFlatJsonObjectWithHundredsOfThousandsOfKeysLoads() throws ParseException {
    MapNode m = (MapNode) JsonLoader.load("big.json", flatJson(KEYS));
    assertThat(m.entries()).hasSize(KEYS);
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aFlatYamlMappingWithHundredsOfThousandsOfKeysLoads() throws ParseException {
    List<Node> docs = YamlLoader.loadAll("big.yaml", flatYaml(KEYS));
    assertThat(((MapNode) docs.get(0)).entries()).hasSize(KEYS);
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aDuplicateAtTheEndOfALargeJsonObjectNamesBothLines() {
    String json = flatJson(KEYS).replace("}", ",\n\"k7\":2}");
    assertThatThrownBy(() -> JsonLoader.load("big.json", json))
        .hasMessage("duplicate key 'k7' (line 2, first at line 1)");
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aDuplicateAtTheEndOfALargeYamlMappingNamesBothLines() {
    String yaml = flatYaml(KEYS) + "k7: 2\n";
    assertThatThrownBy(() -> YamlLoader.loadAll("big.yaml", yaml))
        .hasMessage("duplicate key 'k7' (line " + (KEYS + 1) + ", first at line 8)");
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void everyKeyOfALargeMappingIsFoundByLookup() throws ParseException {
    MapNode m = (MapNode) JsonLoader.load("big.json", flatJson(KEYS));
    int found = 0;
    for (int i = 0; i < KEYS; i++) if (m.has("k" + i)) found++;
    assertThat(found).isEqualTo(KEYS);
    assertThat(m.get("missing")).isNull();
  }
}

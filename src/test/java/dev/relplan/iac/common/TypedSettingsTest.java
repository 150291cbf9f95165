package dev.relplan.iac.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.model.ResourceRef;
import dev.relplan.model.Unknown;
import dev.relplan.model.Value;
import dev.relplan.source.Location;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The typed conversions every format's settings share, with the format's own words for what is
 * known only later.
 */
class TypedSettingsTest {
  private static final Location LINE = new Location("main.tf", 3);

  /**
   * Settings held in a map of top-level keys, each set at one line; nested settings are the maps in
   * a list.
   */
  private static final class MapSettings extends TypedSettings<MapSettings> {
    private final Map<String, Object> values;

    MapSettings(Map<String, Object> values) {
      this.values = values;
    }

    @Override
    public boolean has(String path) {
      return values.containsKey(path);
    }

    @Override
    public Location keyLocation(String path) {
      return LINE;
    }

    @Override
    public Location location() {
      return LINE;
    }

    @Override
    public Value<Object> raw(String path) {
      Object v = values.get(path);
      if (v == null) return Value.absent();
      return v instanceof Unknown u
          ? Value.unresolved(u.reason(), List.of(LINE))
          : Value.explicit(v, List.of(LINE));
    }

    @Override
    public Set<ResourceRef> refs(String path) {
      return values.get(path) instanceof ResourceRef r ? Set.of(r) : Set.of();
    }

    @Override
    public Set<ResourceRef> allRefs() {
      Set<ResourceRef> all = new java.util.LinkedHashSet<>();
      values.keySet().forEach(k -> all.addAll(refs(k)));
      return all;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<MapSettings> nested(String path) {
      return values.get(path) instanceof List<?> l
          ? l.stream().map(m -> new MapSettings((Map<String, Object>) m)).toList()
          : List.of();
    }

    @Override
    protected String knownOnlyLater(ResourceRef ref) {
      return ref + " is known once deployed";
    }

    @Override
    protected String asText(Object value) {
      return value instanceof String s ? s : null;
    }

    @Override
    protected BigDecimal asDecimal(Object value) {
      return value instanceof String s && s.matches("-?[0-9.]+") ? new BigDecimal(s) : null;
    }

    @Override
    protected Boolean asBoolean(Object value) {
      return "true".equals(value) ? Boolean.TRUE : "false".equals(value) ? Boolean.FALSE : null;
    }
  }

  @Test
  void aWholeNumberKeepsTheLineThatSetIt() {
    Value<Integer> v = new MapSettings(Map.of("size", "3")).integer("size");
    assertThat(v.get()).isEqualTo(3);
    assertThat(v.trace()).containsExactly(LINE);
  }

  @Test
  void aFractionIsNotAWholeNumber() {
    assertThat(new MapSettings(Map.of("size", "2.5")).integer("size").note())
        .isEqualTo("expected a whole number, found 2.5");
  }

  @Test
  void aReferenceWhereTextIsExpectedIsKnownOnlyLaterInTheFormatsWords() {
    ResourceRef ref = new ResourceRef("s", "aws_lb.web", "arn");
    assertThat(new MapSettings(Map.of("name", ref)).str("name").note())
        .isEqualTo("aws_lb.web.arn is known once deployed");
  }

  @Test
  void theServiceDefaultAppliesOnlyWhenTheSettingIsAbsent() {
    MapSettings p = new MapSettings(Map.of("on", "false"));
    assertThat(TypedSettings.or(p.bool("on"), true, "on by default").get()).isFalse();
    assertThat(TypedSettings.or(p.bool("missing"), true, "on by default").note())
        .isEqualTo("on by default");
  }

  @Test
  void collectKeepsTheSetValuesOfNestedSettingsAtTheGivenLine() {
    Location at = new Location("main.tf", 9);
    MapSettings p =
        new MapSettings(
            Map.of(
                "stages", List.of(Map.of("api", "a"), Map.of("other", "x"), Map.of("api", "b"))));
    Value<List<Object>> apis = p.collect("stages", "api", at);
    assertThat(apis.get()).containsExactly("a", "b");
    assertThat(apis.trace()).containsExactly(at);
    assertThat(p.collect("none", "api", at).present()).isFalse();
  }
}

package dev.relplan.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LabelSelectorTest {
  private static final Map<String, String> WEB = Map.of("app", "web", "tier", "frontend");

  private static LabelSelector expression(String key, LabelSelector.Operator op, String... values) {
    return new LabelSelector(
        Map.of(), List.of(new LabelSelector.Requirement(key, op, Set.of(values))));
  }

  @Test
  void matchLabelsNeedEveryPair() {
    assertThat(LabelSelector.of(Map.of("app", "web")).matches(WEB)).isTrue();
    assertThat(LabelSelector.of(Map.of("app", "web", "tier", "backend")).matches(WEB)).isFalse();
  }

  @Test
  void emptySelectorMatchesEveryPod() {
    assertThat(LabelSelector.of(Map.of()).matches(WEB)).isTrue();
  }

  @Test
  void inNeedsTheLabelWithOneOfTheValues() {
    assertThat(expression("tier", LabelSelector.Operator.IN, "frontend", "edge").matches(WEB))
        .isTrue();
    assertThat(expression("tier", LabelSelector.Operator.IN, "backend").matches(WEB)).isFalse();
    assertThat(expression("zone", LabelSelector.Operator.IN, "a").matches(WEB)).isFalse();
  }

  @Test
  void notInAcceptsAMissingLabel() {
    assertThat(expression("zone", LabelSelector.Operator.NOT_IN, "a").matches(WEB)).isTrue();
    assertThat(expression("app", LabelSelector.Operator.NOT_IN, "web").matches(WEB)).isFalse();
  }

  @Test
  void existsAndDoesNotExistLookAtTheKeyOnly() {
    assertThat(expression("app", LabelSelector.Operator.EXISTS).matches(WEB)).isTrue();
    assertThat(expression("app", LabelSelector.Operator.DOES_NOT_EXIST).matches(WEB)).isFalse();
    assertThat(expression("canary", LabelSelector.Operator.DOES_NOT_EXIST).matches(WEB)).isTrue();
  }

  @Test
  void anOperatorKubernetesDoesNotDefineMatchesNothing() {
    assertThat(LabelSelector.operator("Equals")).isEqualTo(LabelSelector.Operator.INVALID);
    assertThat(expression("app", LabelSelector.Operator.INVALID, "web").matches(WEB)).isFalse();
  }
}

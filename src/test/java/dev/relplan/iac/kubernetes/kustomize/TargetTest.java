package dev.relplan.iac.kubernetes.kustomize;

import static dev.relplan.iac.kubernetes.kustomize.Rendered.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relplan.parse.MapNode;
import dev.relplan.parse.YamlLoader;
import org.junit.jupiter.api.Test;

class TargetTest {
  private static final RenderedObject API =
      object(
          yaml(
              "apiVersion: apps/v1",
              "kind: Deployment",
              "metadata:",
              "  name: shop-api",
              "  namespace: shop",
              "  labels:",
              "    tier: backend",
              "  annotations:",
              "    team: payments"));

  private static RenderedObject object(String text) {
    try {
      return new RenderedObject((MapNode) YamlLoader.loadAll("o.yaml", text).get(0));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static boolean matches(String... targetLines) throws Exception {
    MapNode target = (MapNode) YamlLoader.loadAll("t.yaml", yaml(targetLines)).get(0);
    return Target.of(target).matches(API);
  }

  @Test
  void kindGroupAndVersionAreComparedExactly() throws Exception {
    assertThat(matches("kind: Deployment", "group: apps", "version: v1")).isTrue();
    assertThat(matches("kind: StatefulSet")).isFalse();
    assertThat(matches("group: \"\"")).isFalse();
  }

  @Test
  void aNameIsAnAnchoredPattern() throws Exception {
    assertThat(matches("name: shop-api")).isTrue();
    assertThat(matches("name: shop")).isFalse();
    assertThat(matches("name: .*-api")).isTrue();
    assertThat(matches("name: shop-.+")).isTrue();
    assertThat(matches("name: web|shop-api")).isTrue();
    assertThat(matches("name: ^shop-ap.?i$")).isTrue();
  }

  @Test
  void theNamespaceIsAPattern() throws Exception {
    assertThat(matches("namespace: sh.*")).isTrue();
    assertThat(matches("namespace: other")).isFalse();
  }

  @Test
  void aLabelSelectorMatchesTheObjectsLabels() throws Exception {
    assertThat(matches("labelSelector: tier=backend")).isTrue();
    assertThat(matches("labelSelector: tier in (web, backend),!canary")).isTrue();
    assertThat(matches("labelSelector: tier!=backend")).isFalse();
    assertThat(matches("labelSelector: tier notin (backend)")).isFalse();
  }

  @Test
  void anInequalityOrNotInMatchesAnObjectWithoutTheLabel() throws Exception {
    assertThat(matches("labelSelector: track!=canary")).isTrue();
    assertThat(matches("labelSelector: track notin (canary)")).isTrue();
    assertThat(matches("labelSelector: track")).isFalse();
  }

  @Test
  void anAnnotationSelectorMatchesTheObjectsAnnotations() throws Exception {
    assertThat(matches("annotationSelector: team=payments")).isTrue();
    assertThat(matches("annotationSelector: team")).isTrue();
    assertThat(matches("annotationSelector: team=search")).isFalse();
  }

  @Test
  void aPatternWithGroupsOrClassesIsRefusedRatherThanGuessed() {
    assertThatThrownBy(() -> NamePattern.of("(a+)+b"))
        .isInstanceOf(PatchException.class)
        .hasMessageContaining("does not evaluate");
    assertThatThrownBy(() -> NamePattern.of("[a-z]+")).isInstanceOf(PatchException.class);
  }

  @Test
  void aPatternMatchesInTimeLinearInTheName() {
    NamePattern p = NamePattern.of("a*a*a*a*a*a*a*a*a*a*b");
    assertThat(p.matches("a".repeat(253))).isFalse();
  }
}

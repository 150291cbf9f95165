package dev.relplan.iac.kubernetes.helm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.iac.kubernetes.helm.TemplateShape.KeyLine;
import org.junit.jupiter.api.Test;

class TemplateShapeTest {
  private static final String DEPLOYMENT =
      """
      kind: Deployment
      spec:
        {{- if not .Values.autoscaling.enabled }}
        replicas: {{ .Values.replicaCount }}
        {{- end }}
        template:
          spec:
            containers:
            - name: web
              resources:
                {{- toYaml .Values.resources | nindent 12 }}
              command: |
                run: this is text
      """;

  @Test
  void aKeyIsFoundByItsPathThroughControlLines() {
    assertThat(new TemplateShape(DEPLOYMENT).linesOf("spec.replicas", "Deployment"))
        .extracting(KeyLine::line)
        .containsExactly(4);
  }

  @Test
  void listItemsAtTheIndentOfTheirKeyBelongToIt() {
    assertThat(
            new TemplateShape(DEPLOYMENT)
                .linesOf("spec.template.spec.containers.[].name", "Deployment"))
        .extracting(KeyLine::line)
        .containsExactly(9);
  }

  @Test
  void anActionWritingContentIsRecordedUnderTheKeyItIsIndentedIn() {
    assertThat(
            new TemplateShape(DEPLOYMENT)
                .writingActionsUnder("spec.template.spec.containers.[].resources"))
        .containsExactly(11);
  }

  @Test
  void controlActionsWriteNothing() {
    assertThat(new TemplateShape(DEPLOYMENT).writingActionsUnder("spec")).isEmpty();
  }

  @Test
  void linesOfABlockScalarAreTextNotKeys() {
    assertThat(
            new TemplateShape(DEPLOYMENT)
                .linesOf("spec.template.spec.containers.[].command.run", "Deployment"))
        .isEmpty();
  }

  @Test
  void documentsOfAnotherKindInTheSameTemplateAreNotConfused() {
    String text = "kind: Service\nspec:\n  type: ClusterIP\n---\nkind: Ingress\nspec:\n  type: x\n";
    assertThat(new TemplateShape(text).linesOf("spec.type", "Ingress"))
        .extracting(KeyLine::line)
        .containsExactly(7);
  }
}

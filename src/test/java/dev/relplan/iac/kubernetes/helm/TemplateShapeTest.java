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
    assertThat(new TemplateShape(DEPLOYMENT).linesOf("spec.replicas", "Deployment", -1))
        .extracting(KeyLine::line)
        .containsExactly(4);
  }

  @Test
  void listItemsAtTheIndentOfTheirKeyBelongToIt() {
    assertThat(
            new TemplateShape(DEPLOYMENT)
                .linesOf("spec.template.spec.containers.[].name", "Deployment", -1))
        .extracting(KeyLine::line)
        .containsExactly(9);
  }

  @Test
  void anActionWritingContentIsRecordedUnderTheKeyItIsIndentedIn() {
    assertThat(
            new TemplateShape(DEPLOYMENT)
                .writingActionsUnder("spec.template.spec.containers.[].resources", -1))
        .containsExactly(11);
  }

  @Test
  void controlActionsWriteNothing() {
    assertThat(new TemplateShape(DEPLOYMENT).writingActionsUnder("spec", -1)).isEmpty();
  }

  @Test
  void linesOfABlockScalarAreTextNotKeys() {
    assertThat(
            new TemplateShape(DEPLOYMENT)
                .linesOf("spec.template.spec.containers.[].command.run", "Deployment", -1))
        .isEmpty();
  }

  @Test
  void documentsOfAnotherKindInTheSameTemplateAreNotConfused() {
    String text = "kind: Service\nspec:\n  type: ClusterIP\n---\nkind: Ingress\nspec:\n  type: x\n";
    assertThat(new TemplateShape(text).linesOf("spec.type", "Ingress", -1))
        .extracting(KeyLine::line)
        .containsExactly(7);
  }

  @Test
  void theNthDocumentOfAKindIsTheNthSegmentOfThatKind() {
    String text =
        "kind: ServiceAccount\nmetadata:\n  name: a\n---\nkind: ServiceAccount\nmetadata:\n  name: b\n";
    TemplateShape shape = new TemplateShape(text);
    assertThat(shape.segmentsOfKind("ServiceAccount")).containsExactly(0, 1);
    assertThat(shape.linesOf("metadata.name", "ServiceAccount", 1))
        .extracting(KeyLine::line)
        .containsExactly(7);
  }

  @Test
  void aValueThatIsOneQuotedActionIsWrittenAlone() {
    TemplateShape shape = new TemplateShape("a:\n  b: \"{{ .Values.b }}\"\n");
    assertThat(shape.writesOneActionAlone(2)).isTrue();
  }

  @Test
  void aValueJoiningTwoActionsOrTextIsNotWrittenAlone() {
    TemplateShape shape =
        new TemplateShape("image: \"{{ .Values.r }}:{{ .Values.t }}\"\nname: {{ .Values.n }}-x\n");
    assertThat(shape.writesOneActionAlone(1)).isFalse();
    assertThat(shape.writesOneActionAlone(2)).isFalse();
  }
}

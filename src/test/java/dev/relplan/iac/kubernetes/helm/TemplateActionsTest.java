package dev.relplan.iac.kubernetes.helm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.iac.kubernetes.helm.TemplateActions.Action;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateActionsTest {
  @Test
  void lookupCallsBecomeCallsGivingAnEmptyMap() {
    assertThat(TemplateActions.withoutLookup("{{ $s := lookup \"v1\" \"Secret\" \"ns\" \"x\" }}"))
        .isEqualTo("{{ $s := pick (dict) \"v1\" \"Secret\" \"ns\" \"x\" }}");
  }

  @Test
  void lookupInStringsFieldsAndTextOutsideActionsIsLeftAlone() {
    String text = "lookup: {{ .Values.lookup | quote }} {{ \"lookup\" }} {{/* lookup */}}";
    assertThat(TemplateActions.withoutLookup(text)).isEqualTo(text);
  }

  @Test
  void valuesPathsAreReadFromFieldChainsOfTheAction() {
    String text =
        "image: \"{{ .Values.image.repository }}:{{ $.Values.image.tag | default \"x\" }}\"";
    List<Action> actions = TemplateActions.actions(text);
    assertThat(actions).hasSize(2);
    assertThat(TemplateActions.valuesPaths(text, actions.get(0)))
        .containsExactly("image.repository");
    assertThat(TemplateActions.valuesPaths(text, actions.get(1))).containsExactly("image.tag");
  }

  @Test
  void closingBracesInsideAStringDoNotEndTheAction() {
    String text = "{{ printf \"}}\" .Values.a }} rest";
    assertThat(TemplateActions.actions(text))
        .singleElement()
        .satisfies(a -> assertThat(text.substring(a.start(), a.end())).endsWith(".Values.a }}"));
  }

  @Test
  void anActionLeftOpenRunsToTheEndOfTheText() {
    assertThat(TemplateActions.actions("a: {{ .Values.a"))
        .singleElement()
        .satisfies(a -> assertThat(a.end()).isEqualTo("a: {{ .Values.a".length()));
  }
}

package dev.relplan.iac.kubernetes.helm;

import static org.assertj.core.api.Assertions.assertThat;

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

package dev.relplan.iac.kubernetes.helm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.iac.kubernetes.helm.TemplateActions.Action;
import dev.relplan.iac.kubernetes.helm.TemplateScopes.Context;
import dev.relplan.iac.kubernetes.helm.TemplateScopes.Reads;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateScopesTest {
  private static final String ANY = TemplateScopes.ANY;

  /** The values paths read by the action whose text is {@code action} in {@code text}. */
  private static List<List<Object>> readsOf(String text, String action, Context start) {
    List<Action> actions = TemplateActions.actions(text);
    Map<Integer, Reads> reads = TemplateScopes.of(text, actions, start);
    int at = text.indexOf(action);
    return reads.getOrDefault(at, Reads.NOTHING).paths();
  }

  private static List<List<Object>> readsOf(String text, String action) {
    return readsOf(text, action, Context.ROOT);
  }

  @Test
  void eachActionOfALineReadsItsOwnValuesPath() {
    String text =
        "image: \"{{ .Values.image.repository }}:{{ $.Values.image.tag | default \"x\" }}\"";
    assertThat(readsOf(text, "{{ .Values.image.repository"))
        .containsExactly(List.of("image", "repository"));
    assertThat(readsOf(text, "{{ $.Values.image.tag")).containsExactly(List.of("image", "tag"));
  }

  @Test
  void aFieldInsideWithReadsUnderTheWithValue() {
    String text = "{{- with .Values.probes }}\npath: {{ .readiness.path }}\n{{- end }}";
    assertThat(readsOf(text, "{{ .readiness.path }}"))
        .containsExactly(List.of("probes", "readiness", "path"));
  }

  @Test
  void theDotAloneInsideWithIsTheWithValue() {
    String text = "{{- with .Values.resources }}\n{{- toYaml . | nindent 2 }}\n{{- end }}";
    assertThat(readsOf(text, "{{- toYaml .")).containsExactly(List.of("resources"));
  }

  @Test
  void theElseOfWithSeesTheOuterDot() {
    String text = "{{- with .Values.a }}{{ .x }}{{ else }}{{ .Values.b }}{{ end }}";
    assertThat(readsOf(text, "{{ .Values.b }}")).containsExactly(List.of("b"));
  }

  @Test
  void afterEndTheDotIsTheRootAgain() {
    String text = "{{- with .Values.a }}{{ end }}{{ .Values.b }}";
    assertThat(readsOf(text, "{{ .Values.b }}")).containsExactly(List.of("b"));
  }

  @Test
  void aRangeVariableReadsAnyElementOfTheCollection() {
    String text = "{{- range $name, $svc := .Values.services }}\nport: {{ $svc.port }}\n{{- end }}";
    assertThat(readsOf(text, "{{ $svc.port }}")).containsExactly(List.of("services", ANY, "port"));
  }

  @Test
  void theDotInsideRangeIsAnElement() {
    String text = "{{- range .Values.hosts }}\n- {{ .name }}\n{{- end }}";
    assertThat(readsOf(text, "{{ .name }}")).containsExactly(List.of("hosts", ANY, "name"));
  }

  @Test
  void theRangeKeyVariableReadsNothing() {
    String text = "{{- range $name, $svc := .Values.services }}{{ $name }}{{ end }}";
    assertThat(readsOf(text, "{{ $name }}")).isEmpty();
  }

  @Test
  void dollarValuesInsideRangeReadsFromTheRoot() {
    String text = "{{- range .Values.hosts }}{{ $.Values.domain }}{{ end }}";
    assertThat(readsOf(text, "{{ $.Values.domain }}")).containsExactly(List.of("domain"));
  }

  @Test
  void anAssignedVariableReadsItsValue() {
    String text = "{{- $g := .Values.global }}{{ $g.registry }}";
    assertThat(readsOf(text, "{{ $g.registry }}")).containsExactly(List.of("global", "registry"));
  }

  @Test
  void aWithOverAPipelineLeavesTheDotUnknown() {
    String text = "{{- with .Values.a | default .Values.b }}{{ .x }}{{ end }}";
    assertThat(readsOf(text, "{{ .x }}")).isEmpty();
  }

  @Test
  void dotValuesInsideWithIsAFieldOfTheWithValue() {
    String text = "{{- with .Values.a }}{{ .Values.b }}{{ end }}";
    assertThat(readsOf(text, "{{ .Values.b }}")).containsExactly(List.of("a", "Values", "b"));
  }

  @Test
  void aNamedTemplateBodyReadsUnderTheArgumentItIsCalledWith() {
    String body = "path: {{ .readiness.path }}";
    assertThat(readsOf(body, "{{ .readiness", Context.values(List.of("probes"))))
        .containsExactly(List.of("probes", "readiness", "path"));
  }

  @Test
  void includeIsACallWithItsArgumentNotARead() {
    String text = "{{- include \"x.probes\" .Values.probes | nindent 4 }}";
    List<Action> actions = TemplateActions.actions(text);
    Reads reads = TemplateScopes.of(text, actions, Context.ROOT).get(0);
    assertThat(reads.paths()).isEmpty();
    assertThat(reads.calls())
        .containsExactly(new TemplateScopes.Call("x.probes", Context.values(List.of("probes"))));
  }

  @Test
  void includeWithADictPassesAnUnknownArgument() {
    String text = "{{ include \"x\" (dict \"a\" .Values.a) }}";
    Reads reads = TemplateScopes.of(text, TemplateActions.actions(text), Context.ROOT).get(0);
    assertThat(reads.calls()).extracting(c -> c.argument().known()).containsExactly(false);
  }

  @Test
  void aReadThroughFormattingFunctionsOnlyIsWrittenAsItIs() {
    String text = "{{ .Values.a | quote }}{{ .Values.b | default 1 }}";
    Map<Integer, Reads> reads =
        TemplateScopes.of(text, TemplateActions.actions(text), Context.ROOT);
    assertThat(reads.get(0).valuePreserving()).isTrue();
    assertThat(reads.get(text.indexOf("{{ .Values.b")).valuePreserving()).isFalse();
  }

  @Test
  void definesAreReadWithTheirBodies() {
    String text =
        "{{- define \"a\" -}}\n{{- if .x }}x{{ end }}\nA{{- end }}\n{{ define \"b\" }}B{{ end }}";
    Map<String, String> defines = TemplateScopes.defines(text);
    assertThat(defines.get("a")).isEqualTo("\n{{- if .x }}x{{ end }}\nA");
    assertThat(defines.get("b")).isEqualTo("B");
  }
}

package dev.relplan.iac.kubernetes.helm;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.relplan.parse.Node;
import dev.relplan.parse.ParseException;
import dev.relplan.parse.YamlLoader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The template reading relplan does itself (Helm renders in its own process): whatever a chart's
 * template text is, the action tokenizer, the lookup rewrite, the shape walk and the relocation of
 * a rendered document onto it finish without an exception. The text is used as its own rendered
 * output when it parses as YAML. Seeds only in a normal run; fuzz for real with {@code
 * JAZZER_FUZZ=1 mvn -B test -Dtest=HelmTemplateFuzzTest}.
 */
class HelmTemplateFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void templateTextIsReadAndRelocatedWithoutFailing(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    TemplateActions.withoutLookup(text);
    TemplateShape shape = new TemplateShape(text);
    List<Node> documents;
    try {
      documents = YamlLoader.loadAll("fuzz.yaml", text);
    } catch (ParseException notYaml) {
      return;
    }
    ValuesSources values = new ValuesSources(List.of());
    for (Node document : documents)
      if (document != null)
        new Relocator(shape, "fuzz.yaml", values, NamedTemplates.NONE, Relocator.newSideMap())
            .relocate(document, -1);
  }
}

package dev.relplan.mcp;

import dev.relplan.rules.InputFormat;
import dev.relplan.rules.Rule;
import dev.relplan.rules.RuleRegistry;
import dev.relplan.rules.RulesDoc;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * list_rules and explain_rule: the rule registry and docs/rules.md's sections, as relplan explain.
 */
final class RuleTools {
  private RuleTools() {}

  static Map<String, Object> list() {
    List<Object> rules = new ArrayList<>();
    for (Rule r : RuleRegistry.all()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", r.meta().id());
      m.put("flag", r.meta().hasFlag() ? r.meta().flag() : null);
      m.put("domain", r.meta().domain().title);
      m.put("title", r.meta().title());
      rules.add(m);
    }
    return Map.of("rules", rules);
  }

  static Map<String, Object> explain(String name) {
    if (name == null || name.isBlank())
      throw new ToolError("rule is empty: pass a rule id or flag (list_rules lists them)");
    String wanted = name.strip().toUpperCase(Locale.ROOT);
    List<Object> sections = new ArrayList<>();
    for (Rule r : RuleRegistry.all()) {
      if (!r.meta().id().equals(wanted) && !(r.meta().hasFlag() && r.meta().flag().equals(wanted)))
        continue;
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", r.meta().id());
      m.put("markdown", RulesDoc.section(r, examples(r)));
      sections.add(m);
    }
    if (sections.isEmpty())
      throw new ToolError(
          "no rule or flag is named '" + name + "': list_rules lists every rule and flag");
    return Map.of("rules", sections);
  }

  /** The rule's example folders in the relplan repository, as relplan explain names them. */
  private static List<String> examples(Rule r) {
    List<String> out = new ArrayList<>();
    for (InputFormat f : r.meta().formats())
      out.add("src/test/resources/rules/" + r.meta().id() + "/" + f.folder() + "/");
    return out;
  }
}

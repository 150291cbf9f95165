package dev.relplan.generate;

import dev.relplan.parse.MapNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several properties of one CloudFormation resource set in one change: literals replaced on their
 * lines, absent ones added together as the first Properties (one insertion, so that their order is
 * the order given), and whole entries removed with their nested lines.
 */
final class PropertyEdits {
  /** The insertions, or the first key an expression sets (which is never rewritten). */
  record Result(List<UnifiedDiff.Insertion> insertions, String setByExpression) {}

  private PropertyEdits() {}

  /** Each {@code key: value} of {@code values} (in order) set in the resource's Properties. */
  static Result set(YamlTemplate template, String id, Map<String, String> values)
      throws YamlTemplate.NotEditable {
    MapNode props = template.properties(id);
    if (props == null) throw new YamlTemplate.NotEditable("its Properties are not in block style");
    List<UnifiedDiff.Insertion> out = new ArrayList<>();
    List<String> absent = new ArrayList<>();
    for (Map.Entry<String, String> v : values.entrySet()) {
      MapNode.Entry entry = props.entry(v.getKey());
      if (entry == null) {
        absent.add(v.getKey() + ": " + v.getValue());
        continue;
      }
      UnifiedDiff.Insertion replaced =
          CloudFormationFixes.replaceLiteral(
              template, props, entry, v.getKey() + ": " + v.getValue());
      if (replaced == null) return new Result(List.of(), v.getKey());
      out.add(replaced);
    }
    if (!absent.isEmpty()) out.add(template.firstProperties(id, absent));
    return new Result(out, null);
  }

  /** An ordered map of keys and values, as {@link #set} takes. */
  static Map<String, String> values(String... keysAndValues) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i + 1 < keysAndValues.length; i += 2)
      out.put(keysAndValues[i], keysAndValues[i + 1]);
    return out;
  }

  /**
   * The entry's key line and the lines nested below it (more indented, or blank between them)
   * removed; throws when the key shares its line with a sequence dash or other text before it.
   */
  static UnifiedDiff.Insertion remove(YamlTemplate template, List<String> lines, MapNode.Entry e)
      throws YamlTemplate.NotEditable {
    int keyLine = e.keyLocation().line();
    int indent = template.indentOf(keyLine);
    if (!lines.get(keyLine - 1).substring(indent).startsWith(e.key()))
      throw new YamlTemplate.NotEditable(
          "its " + e.key() + " opens a sequence item: remove it by hand");
    int end = keyLine; // 1-based last line removed
    for (int l = keyLine + 1; l <= lines.size(); l++) {
      String text = lines.get(l - 1);
      if (text.isBlank()) continue;
      if (template.indentOf(l) <= indent) break;
      end = l;
    }
    return new UnifiedDiff.Insertion(keyLine - 1, List.of(), end - keyLine + 1);
  }
}

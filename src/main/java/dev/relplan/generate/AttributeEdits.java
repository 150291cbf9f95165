package dev.relplan.generate;

import dev.relplan.parse.hcl.Attribute;
import dev.relplan.parse.hcl.Block;
import dev.relplan.parse.hcl.HclFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Several attributes of one Terraform block set in one change: literals replaced on their lines,
 * absent ones added together as a group at the end of the block (aligned as {@code terraform fmt}
 * aligns them), and attributes removed.
 */
final class AttributeEdits {
  /** The insertions, or the first attribute an expression sets (which is never rewritten). */
  record Result(List<UnifiedDiff.Insertion> insertions, String setByExpression) {}

  private AttributeEdits() {}

  /** Each {@code name = value} of {@code values} (in order; values as HCL text) set. */
  static Result set(HclFile hcl, Block block, Map<String, String> values)
      throws YamlTemplate.NotEditable {
    if (block.endLine() <= block.range().line())
      throw new YamlTemplate.NotEditable("its block is written on one line");
    List<UnifiedDiff.Insertion> out = new ArrayList<>();
    List<String> absent = new ArrayList<>();
    for (Map.Entry<String, String> v : values.entrySet()) {
      if (block.body().attribute(v.getKey()).isEmpty()) {
        absent.add(v.getKey());
        continue;
      }
      UnifiedDiff.Insertion replaced =
          TerraformFixes.setAttribute(hcl, block, v.getKey(), v.getValue());
      if (replaced == null) return new Result(List.of(), v.getKey());
      out.add(replaced);
    }
    if (!absent.isEmpty()) {
      String indent = TerraformFixes.indentOf(hcl, block);
      int width = absent.stream().mapToInt(String::length).max().orElse(0);
      List<String> lines = new ArrayList<>();
      if (!block.body().items().isEmpty()) lines.add(""); // its own group for terraform fmt
      for (String name : absent)
        lines.add(indent + name + " ".repeat(width - name.length()) + " = " + values.get(name));
      out.add(new UnifiedDiff.Insertion(block.endLine() - 1, lines));
    }
    return new Result(out, null);
  }

  /** The attribute's lines removed; throws when it shares a line with other text. */
  static UnifiedDiff.Insertion remove(HclFile hcl, Attribute a) throws YamlTemplate.NotEditable {
    if (!line(hcl, a.range().line()).strip().startsWith(a.name()))
      throw new YamlTemplate.NotEditable(
          "its " + a.name() + " shares its line with other text: remove it by hand");
    return new UnifiedDiff.Insertion(
        a.range().line() - 1, List.of(), a.range().endLine() - a.range().line() + 1);
  }

  /** The text of a line (1-based). */
  static String line(HclFile hcl, int line) {
    return hcl.content().split("\n", -1)[line - 1];
  }
}

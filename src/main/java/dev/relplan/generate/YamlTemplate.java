package dev.relplan.generate;

import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ParseException;
import dev.relplan.parse.ScalarNode;
import dev.relplan.parse.YamlLoader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A CloudFormation or SAM template in YAML, read with relplan's own parser, and where lines can be
 * added to its sections: at the end of {@code Resources} and of {@code Parameters} (or a new {@code
 * Parameters} section before {@code Resources}). Generated resources go into the template that
 * declares what they reference, since {@code !GetAtt} and {@code !Ref} reach only their own stack.
 */
final class YamlTemplate {
  /** Why a template cannot take generated lines. */
  static final class NotEditable extends Exception {
    NotEditable(String reason) {
      super(reason);
    }
  }

  private final List<String> lines;
  private final MapNode root;

  private YamlTemplate(List<String> lines, MapNode root) {
    this.lines = lines;
    this.root = root;
  }

  static YamlTemplate read(String file, String text) throws NotEditable {
    if (text == null) throw new NotEditable("the file cannot be read again");
    if (text.stripLeading().startsWith("{"))
      throw new NotEditable("JSON templates are not edited yet: make the change by hand");
    List<Node> documents;
    try {
      documents = YamlLoader.loadAll(file, text);
    } catch (ParseException e) {
      throw new NotEditable(e.getMessage());
    }
    if (documents.size() != 1 || !(documents.get(0) instanceof MapNode root))
      throw new NotEditable("not a single-document template");
    if (!(root.get("Resources") instanceof MapNode resources) || resources.entries().isEmpty())
      throw new NotEditable(
          "no top-level Resources section (a Serverless Framework file's resources are not"
              + " edited yet)");
    List<String> lines = List.of(text.split("\n", -1));
    YamlTemplate t = new YamlTemplate(lines, root);
    for (MapNode.Entry e : root.entries())
      if (t.indentOf(e.keyLocation().line()) != 0)
        throw new NotEditable("its top-level keys are not in block style");
    MapNode.Entry first = resources.entries().get(0);
    if (first.keyLocation().line() == root.entry("Resources").keyLocation().line())
      throw new NotEditable("its Resources section is written in flow style");
    return t;
  }

  /** Logical ids and parameter names already taken. */
  Set<String> names() {
    Set<String> names = new LinkedHashSet<>();
    for (String section : List.of("Parameters", "Resources", "Conditions", "Outputs", "Mappings"))
      if (root.get(section) instanceof MapNode m)
        for (MapNode.Entry e : m.entries()) names.add(e.key());
    return names;
  }

  /** A name not yet taken: the wanted one, else with a number after it. */
  String free(String wanted, Set<String> taken) {
    String name = wanted;
    for (int i = 2; taken.contains(name); i++) name = wanted + i;
    taken.add(name);
    return name;
  }

  /** Resource entries (written without indentation) added at the end of Resources. */
  UnifiedDiff.Insertion resources(List<String> block) {
    return new UnifiedDiff.Insertion(
        sectionEnd("Resources"), indented(block, entryIndent("Resources")));
  }

  /** Parameter entries added at the end of Parameters, or as a new section before Resources. */
  UnifiedDiff.Insertion parameters(List<String> block) {
    if (root.get("Parameters") instanceof MapNode params && !params.entries().isEmpty())
      return new UnifiedDiff.Insertion(
          sectionEnd("Parameters"), indented(block, entryIndent("Parameters")));
    List<String> section = new ArrayList<>();
    section.add("Parameters:");
    section.addAll(indented(block, "  "));
    return new UnifiedDiff.Insertion(root.entry("Resources").keyLocation().line() - 1, section);
  }

  /**
   * The 0-based line before which a section's new entries go: after its last entry, above the blank
   * lines and comments that open the next section.
   */
  private int sectionEnd(String section) {
    int keyLine = root.entry(section).keyLocation().line();
    int end = lines.size();
    if (end > 0 && lines.get(end - 1).isEmpty()) end--; // the text's final newline
    for (MapNode.Entry e : root.entries()) {
      int line = e.keyLocation().line();
      if (line > keyLine && line - 1 < end) end = line - 1;
    }
    while (end > keyLine
        && (lines.get(end - 1).isBlank() || lines.get(end - 1).strip().startsWith("#"))) end--;
    return end;
  }

  /** A resource's Properties mapping, or null when it has none in block style. */
  MapNode properties(String logicalId) {
    if (root.get("Resources") instanceof MapNode resources
        && resources.get(logicalId) instanceof MapNode resource
        && resource.get("Properties") instanceof MapNode props
        && !props.entries().isEmpty()
        && props.entries().get(0).keyLocation().line()
            > resource.entry("Properties").keyLocation().line()) return props;
    return null;
  }

  /**
   * Property entries (written without indentation, nested lines with two spaces per level) added as
   * the first entries of a resource's Properties, or under a new Properties key after its Type line
   * when it has none.
   */
  UnifiedDiff.Insertion firstProperties(String logicalId, List<String> block) throws NotEditable {
    if (!(root.get("Resources") instanceof MapNode resources)
        || !(resources.get(logicalId) instanceof MapNode resource)
        || resource.entries().isEmpty())
      throw new NotEditable("its declaration is not a block-style mapping");
    int resourceIndent = indentOf(resources.entry(logicalId).keyLocation().line());
    int entryIndent = indentOf(resource.entries().get(0).keyLocation().line());
    String step = " ".repeat(Math.max(2, entryIndent - resourceIndent));
    if (resource.entry("Properties") == null) {
      MapNode.Entry type = resource.entry("Type");
      if (type == null || type.value().location().line() != type.keyLocation().line())
        throw new NotEditable("its Type is not written on one line");
      List<String> section = new ArrayList<>();
      section.add(" ".repeat(entryIndent) + "Properties:");
      section.addAll(indented(stepped(block, step), " ".repeat(entryIndent) + step));
      return new UnifiedDiff.Insertion(type.keyLocation().line(), section);
    }
    MapNode props = properties(logicalId);
    if (props == null) throw new NotEditable("its Properties are not in block style");
    int firstLine = props.entries().get(0).keyLocation().line();
    String indent = " ".repeat(indentOf(firstLine));
    return new UnifiedDiff.Insertion(firstLine - 1, indented(stepped(block, step), indent));
  }

  /** Lines indented two spaces per level, re-indented with the template's own step. */
  private static List<String> stepped(List<String> block, String step) {
    List<String> out = new ArrayList<>();
    for (String l : block) {
      int n = 0;
      while (n < l.length() && l.charAt(n) == ' ') n++;
      out.add(step.repeat(n / 2) + l.substring(n));
    }
    return out;
  }

  /** A resource's Type as written, or null when it is not a plain string. */
  String type(String logicalId) {
    if (root.get("Resources") instanceof MapNode resources
        && resources.get(logicalId) instanceof MapNode resource
        && resource.get("Type") instanceof ScalarNode s
        && s.tag() == null) return s.text();
    return null;
  }

  /** A top-level entry of a resource (DependsOn, Condition…), or null. */
  MapNode.Entry entry(String logicalId, String key) {
    if (root.get("Resources") instanceof MapNode resources
        && resources.get(logicalId) instanceof MapNode resource) return resource.entry(key);
    return null;
  }

  /** The name of the condition a resource is created under, or null when it has none. */
  String condition(String logicalId) {
    if (root.get("Resources") instanceof MapNode resources
        && resources.get(logicalId) instanceof MapNode resource
        && resource.get("Condition") instanceof ScalarNode s
        && s.tag() == null
        && s.text() != null) return s.text();
    return null;
  }

  /** The text of a 1-based line. */
  String line(int line) {
    return lines.get(line - 1);
  }

  /** The indentation of a section's first entry. */
  private String entryIndent(String section) {
    MapNode m = (MapNode) root.get(section);
    return " ".repeat(indentOf(m.entries().get(0).keyLocation().line()));
  }

  int indentOf(int line) {
    String text = lines.get(line - 1);
    int n = 0;
    while (n < text.length() && text.charAt(n) == ' ') n++;
    return n;
  }

  private static List<String> indented(List<String> block, String indent) {
    return block.stream().map(l -> l.isEmpty() ? l : indent + l).toList();
  }
}

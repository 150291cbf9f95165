package dev.relplan.generate;

import dev.relplan.model.ComputeGroup;
import dev.relplan.model.Resource;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ParseException;
import dev.relplan.parse.ScalarNode;
import dev.relplan.parse.SeqNode;
import dev.relplan.parse.YamlLoader;
import dev.relplan.parse.YamlText;
import dev.relplan.source.Location;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where the Kubernetes fixes edit: a workload's document in a plain manifest or Kustomize resource
 * (read with relplan's YAML parser), a single {@code key: value} line in a manifest, a Helm values
 * file or a Helm template (read on its own, since a template is Go template text, not YAML), and
 * documents appended at the end of a file.
 */
final class KubernetesFixes {
  private KubernetesFixes() {}

  /** A Kubernetes Deployment or StatefulSet of the scan (the kinds the fixes edit). */
  static boolean isWorkload(Resource r) {
    return r instanceof ComputeGroup g
        && g.kind == ComputeGroup.Kind.KUBERNETES_WORKLOAD
        && r.callChain.isEmpty()
        && Set.of("Deployment", "StatefulSet").contains(g.type);
  }

  /**
   * Whether the file is a template of a Helm chart (below templates/ of a folder with Chart.yaml).
   */
  static boolean helmTemplate(FixTarget t, String file) {
    Path p = t.texts.path(file);
    for (Path dir = p == null ? null : p.getParent(); dir != null; dir = dir.getParent())
      if (dir.getFileName() != null
          && dir.getFileName().toString().equals("templates")
          && dir.getParent() != null
          && Files.isRegularFile(dir.getParent().resolve("Chart.yaml"))) return true;
    return false;
  }

  /**
   * The release name relplan renders charts with, as {@code helm template} does by default: a
   * rendered value holding it comes from the release ({@code .Release.Name}, a fullname helper),
   * which an object appended beside the template cannot repeat.
   */
  static final String RELEASE_NAME = "release-name";

  /** Whether the workload's rendered name does not depend on the release it is installed as. */
  static boolean nameIndependentOfRelease(ComputeGroup g) {
    return g.name.present() && !g.name.get().contains(RELEASE_NAME);
  }

  /**
   * The pod labels whose rendered values do not depend on the release (all of them outside a Helm
   * chart), which select the same pods whatever the release is called.
   */
  static Map<String, String> labelsIndependentOfRelease(ComputeGroup g, boolean helm) {
    Map<String, String> out = new TreeMap<>();
    g.podLabels.forEach(
        (k, v) -> {
          if (!helm || !v.contains(RELEASE_NAME)) out.put(k, v);
        });
    return out;
  }

  /** The document of a manifest whose {@code kind} is at the subject's line. */
  static MapNode document(EditedFile f, Resource subject) throws YamlTemplate.NotEditable {
    if (f.text == null) throw new YamlTemplate.NotEditable("the file cannot be read again");
    List<Node> documents;
    try {
      documents = YamlLoader.loadAll(f.file, f.text);
    } catch (ParseException e) {
      throw new YamlTemplate.NotEditable(e.getMessage());
    }
    for (Node d : documents)
      if (d instanceof MapNode m
          && m.entry("kind") != null
          && m.get("kind").location().line() == subject.location.line()) return m;
    throw new YamlTemplate.NotEditable("its document was not found in the file");
  }

  /** The pod spec of a workload document (spec.template.spec), or null. */
  static MapNode podSpec(MapNode document) {
    return map(map(map(document, "spec"), "template"), "spec");
  }

  static MapNode map(Node n, String key) {
    return n instanceof MapNode m && m.get(key) instanceof MapNode v ? v : null;
  }

  static List<Node> seq(Node n, String key) {
    return n instanceof MapNode m && m.get(key) instanceof SeqNode s ? s.items() : List.of();
  }

  static String text(Node n, String key) {
    return n instanceof MapNode m && m.get(key) instanceof ScalarNode s ? s.text() : null;
  }

  /**
   * The scalar of a line that is exactly {@code key: value} (a comment after it allowed), parsed on
   * its own; null when the line is anything else (a template expression, a flow mapping).
   */
  static String literal(EditedFile f, int line, String key) {
    String text = line(f, line);
    if (text == null) return null;
    try {
      List<Node> docs = YamlLoader.loadAll(f.file, text.strip());
      if (docs.size() == 1
          && docs.get(0) instanceof MapNode m
          && m.entries().size() == 1
          && m.get(key) instanceof ScalarNode s
          && s.text() != null
          && !s.text().contains("{{")) return s.text();
    } catch (ParseException e) {
      return null;
    }
    return null;
  }

  /** The 1-based line of the file, or null. */
  static String line(EditedFile f, int line) {
    List<String> lines = lines(f);
    return line < 1 || line > lines.size() ? null : lines.get(line - 1);
  }

  /** The file's lines, without the empty one after a final newline. */
  static List<String> lines(EditedFile f) {
    if (f.text == null || f.text.isEmpty()) return List.of();
    List<String> lines = new ArrayList<>(List.of(f.text.split("\n", -1)));
    if (f.text.endsWith("\n")) lines.remove(lines.size() - 1);
    return lines;
  }

  static String indentOf(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') i++;
    return line.substring(0, i);
  }

  /** The 1-based line replaced by {@code key: value} at its indentation. */
  static UnifiedDiff.Insertion setLine(EditedFile f, int line, String key, String value) {
    return new UnifiedDiff.Insertion(
        line - 1, List.of(indentOf(line(f, line)) + key + ": " + value), 1);
  }

  /**
   * Lines inserted before the block-style key {@code entry} of a mapping, at its column; null when
   * the key does not start its line (flow style, or the first key of a sequence item).
   */
  static UnifiedDiff.Insertion before(EditedFile f, MapNode.Entry entry, List<String> block) {
    String text = line(f, entry.keyLocation().line());
    if (text == null) return null;
    String indent = indentOf(text);
    if (!text.substring(indent.length()).startsWith(entry.key() + ":")) return null;
    return new UnifiedDiff.Insertion(
        entry.keyLocation().line() - 1, block.stream().map(l -> indent + l).toList());
  }

  /** Documents appended at the end of the file, each after a {@code ---} separator. */
  static UnifiedDiff.Insertion appended(EditedFile f, List<String> documents) {
    List<String> lines = new ArrayList<>();
    List<String> existing = lines(f);
    if (!existing.isEmpty() && !existing.get(existing.size() - 1).strip().equals("---"))
      lines.add("---");
    lines.addAll(documents);
    return new UnifiedDiff.Insertion(existing.size(), lines);
  }

  /** Label pairs as YAML mapping lines; values quoted where plain YAML would not read a string. */
  static List<String> labelLines(Map<String, String> labels, String indent) {
    List<String> out = new ArrayList<>();
    labels.forEach((k, v) -> out.add(indent + scalar(k) + ": " + scalar(v)));
    return out;
  }

  private static final Set<String> NOT_STRINGS =
      Set.of("true", "false", "yes", "no", "on", "off", "null", "~", "y", "n");

  private static String scalar(String s) {
    boolean plain = !s.isEmpty() && !NOT_STRINGS.contains(s.toLowerCase(java.util.Locale.ROOT));
    boolean letter = false;
    for (char c : s.toCharArray()) {
      if (Character.isLetter(c)) letter = true;
      else if (!(Character.isDigit(c) || c == '-' || c == '.' || c == '_' || c == '/'))
        plain = false;
    }
    return plain && letter && Character.isLetterOrDigit(s.charAt(0)) ? s : YamlText.doubleQuoted(s);
  }

  /** "file:line" as the reports name it. */
  static String at(FixTarget t, Location l) {
    return t.texts.relative(l.file()) + ":" + l.line();
  }
}

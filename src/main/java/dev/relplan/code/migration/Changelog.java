package dev.relplan.code.migration;

import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ScalarNode;
import dev.relplan.parse.SeqNode;
import dev.relplan.parse.XmlLoader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Liquibase changelog read into one small tree whatever its format: XML (read with the JDK's SAX
 * parser, each element at the line of its start tag), YAML or JSON (from the located documents).
 */
final class Changelog {
  /**
   * An element (XML) or a map (YAML/JSON): its name, scalar attributes, children, text and line.
   */
  static final class Elem {
    final String name;
    final Map<String, String> attrs = new LinkedHashMap<>();
    final List<Elem> children = new ArrayList<>();
    final int line;

    /** Text content (XML) or the {@code sql} value (YAML/JSON). */
    final StringBuilder text = new StringBuilder();

    /** The file line of the text's first line. */
    int textLine;

    Elem(String name, int line) {
      this.name = name;
      this.line = line;
    }

    String attr(String key) {
      return attrs.get(key);
    }
  }

  private Changelog() {}

  /** Whether an XML file is a Liquibase changelog: its root element is databaseChangeLog. */
  static boolean isXmlChangelog(String content) {
    int i = 0;
    while (true) {
      i = content.indexOf('<', i);
      if (i < 0 || i + 1 >= content.length()) return false;
      char c = content.charAt(i + 1);
      if (c == '?' || c == '!') {
        i++;
        continue;
      }
      int end = i + 1;
      while (end < content.length()
          && !Character.isWhitespace(content.charAt(end))
          && content.charAt(end) != '>'
          && content.charAt(end) != '/') end++;
      String qname = content.substring(i + 1, end);
      return qname.equals("databaseChangeLog") || qname.endsWith(":databaseChangeLog");
    }
  }

  /**
   * The root element of an XML changelog; throws on malformed XML. No DTD or external entity is
   * read.
   */
  static Elem xml(String content) throws Exception {
    return elem(XmlLoader.load(content));
  }

  /** The same tree as {@link Elem}s, copied without recursion (an element can nest deeply). */
  private static Elem elem(XmlLoader.Element root) {
    record Copy(XmlLoader.Element from, Elem to) {}
    Elem top = copyOf(root);
    Deque<Copy> pending = new ArrayDeque<>(List.of(new Copy(root, top)));
    while (!pending.isEmpty()) {
      Copy c = pending.pop();
      for (XmlLoader.Element child : c.from.children) {
        Elem e = copyOf(child);
        c.to.children.add(e);
        pending.push(new Copy(child, e));
      }
    }
    return top;
  }

  private static Elem copyOf(XmlLoader.Element x) {
    Elem e = new Elem(x.name, x.line);
    e.textLine = x.textLine;
    e.attrs.putAll(x.attributes);
    e.text.append(x.text());
    return e;
  }

  /**
   * The changeSets of a YAML/JSON changelog ({@code databaseChangeLog: [ {changeSet: {changes:
   * [...]}} ]}): a changeSet element whose children are its changes, each a {@code {type: {...}}}
   * map at the line of its key.
   */
  static Elem structured(Node doc, java.util.function.IntFunction<String> lineText) {
    if (!(doc instanceof MapNode m) || !(m.get("databaseChangeLog") instanceof SeqNode items))
      return null;
    Elem root = new Elem("databaseChangeLog", m.location().line());
    for (Node item : items.items()) {
      if (!(item instanceof MapNode im) || !(im.get("changeSet") instanceof MapNode cs)) continue;
      Elem set = new Elem("changeSet", im.entry("changeSet").keyLocation().line());
      root.children.add(set);
      if (!(cs.get("changes") instanceof SeqNode changes)) continue;
      for (Node c : changes.items()) {
        if (!(c instanceof MapNode cm) || cm.entries().size() != 1) continue;
        MapNode.Entry en = cm.entries().get(0);
        set.children.add(convert(en.key(), en.keyLocation().line(), en.value(), lineText));
      }
    }
    return root;
  }

  private static Elem convert(
      String name, int line, Node value, java.util.function.IntFunction<String> lineText) {
    Elem e = new Elem(name, line);
    if (!(value instanceof MapNode vm)) return e;
    for (MapNode.Entry en : vm.entries()) {
      if (en.value() instanceof ScalarNode s && s.text() != null) {
        e.attrs.put(en.key(), s.text());
        if (name.equals("sql") && en.key().equals("sql")) {
          // A literal block scalar (sql: |) starts on the next line and keeps its lines; otherwise
          // all statements are at the key's line.
          String after = lineText.apply(en.keyLocation().line());
          int colon = after.indexOf(':');
          boolean literal = colon >= 0 && after.substring(colon + 1).strip().startsWith("|");
          e.textLine = literal ? en.keyLocation().line() + 1 : en.keyLocation().line();
          e.text.append(literal ? s.text() : s.text().replace('\n', ' '));
        }
      } else if (en.value() instanceof MapNode sub) {
        e.children.add(convert(en.key(), en.keyLocation().line(), sub, lineText));
      } else if (en.value() instanceof SeqNode seq) {
        // columns: [ {column: {...}} ]
        for (Node it : seq.items()) {
          if (it instanceof MapNode im && im.entries().size() == 1) {
            MapNode.Entry c = im.entries().get(0);
            e.children.add(convert(c.key(), c.keyLocation().line(), c.value(), lineText));
          }
        }
      }
    }
    return e;
  }
}

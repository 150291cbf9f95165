package dev.relplan.code.migration;

import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ScalarNode;
import dev.relplan.parse.SeqNode;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.helpers.DefaultHandler;

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
    SAXParserFactory f = SAXParserFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setFeature("http://xml.org/sax/features/external-general-entities", false);
    f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    SAXParser p = f.newSAXParser();
    int[] lineStarts = lineStarts(content);
    Deque<Elem> stack = new ArrayDeque<>();
    Elem[] root = new Elem[1];
    p.parse(
        new InputSource(new StringReader(content)),
        new DefaultHandler() {
          private Locator locator;

          @Override
          public void setDocumentLocator(Locator l) {
            locator = l;
          }

          @Override
          public void startElement(String uri, String local, String qName, Attributes atts) {
            // The locator is at the end of the start tag; the tag begins at the last '<' before it
            // ('<' cannot occur inside an attribute value).
            int endLine = locator.getLineNumber();
            int end = offset(lineStarts, endLine, locator.getColumnNumber(), content.length());
            int lt = content.lastIndexOf('<', Math.max(0, end - 1));
            Elem e = new Elem(local, lt < 0 ? endLine : lineOf(lineStarts, lt));
            e.textLine = endLine;
            for (int i = 0; i < atts.getLength(); i++)
              e.attrs.put(atts.getLocalName(i), atts.getValue(i));
            if (stack.isEmpty()) root[0] = e;
            else stack.peek().children.add(e);
            stack.push(e);
          }

          @Override
          public void endElement(String uri, String local, String qName) {
            stack.pop();
          }

          @Override
          public void characters(char[] ch, int start, int length) {
            if (!stack.isEmpty()) stack.peek().text.append(ch, start, length);
          }
        });
    return root[0];
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

  private static int[] lineStarts(String s) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\r' && (i + 1 >= s.length() || s.charAt(i + 1) != '\n'))
        starts.add(i + 1);
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Offset of a 1-based line and column (columns count UTF-16 units, as the SAX locator does). */
  private static int offset(int[] lineStarts, int line, int column, int length) {
    if (line < 1 || line > lineStarts.length) return length;
    return Math.min(length, lineStarts[line - 1] + Math.max(0, column - 1));
  }

  private static int lineOf(int[] lineStarts, int offset) {
    int lo = 0;
    int hi = lineStarts.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}

package dev.relplan.parse;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * An XML file read into a small located element tree with the JDK's SAX parser: no DTD, no external
 * entity, nothing fetched. Each element is at the line of its start tag.
 */
public final class XmlLoader {
  /** An element: its local name, attributes by local name, children, text content and lines. */
  public static final class Element {
    public final String name;
    public final Map<String, String> attributes = new LinkedHashMap<>();
    public final List<Element> children = new ArrayList<>();

    /** The line of the start tag's '<'. */
    public final int line;

    /** The line where the start tag ends, where the element's text begins. */
    public final int textLine;

    private final StringBuilder text = new StringBuilder();

    Element(String name, int line, int textLine) {
      this.name = name;
      this.line = line;
      this.textLine = textLine;
    }

    /** The character data directly inside the element, as written. */
    public String text() {
      return text.toString();
    }

    /** The children with a local name, in document order. */
    public List<Element> children(String localName) {
      return children.stream().filter(c -> c.name.equals(localName)).toList();
    }
  }

  /**
   * One parser per thread, reset before each file (to the factory's secure configuration): finding
   * and configuring a factory and making a parser cost about a millisecond a file, against tens of
   * microseconds for parsing a project file.
   */
  private static final ThreadLocal<SAXParser> PARSER =
      ThreadLocal.withInitial(XmlLoader::newParser);

  private XmlLoader() {}

  private static SAXParser newParser() {
    try {
      SAXParserFactory f = SAXParserFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      return f.newSAXParser();
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalStateException("the JDK's XML parser lacks a secure-processing feature", e);
    }
  }

  /** The root element; throws on malformed XML, a DOCTYPE or an external entity. */
  public static Element load(String content) throws Exception {
    SAXParser p = PARSER.get();
    p.reset();
    LineIndex lines = new LineIndex(content);
    Deque<Element> stack = new ArrayDeque<>();
    Element[] root = new Element[1];
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
            int end = offset(lines, content, endLine, locator.getColumnNumber());
            int lt = content.lastIndexOf('<', Math.max(0, end - 1));
            Element e = new Element(local, lt < 0 ? endLine : lines.lineOf(lt), endLine);
            for (int i = 0; i < atts.getLength(); i++)
              e.attributes.put(atts.getLocalName(i), atts.getValue(i));
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

  /** Offset of a 1-based line and column (columns count UTF-16 units, as the SAX locator does). */
  private static int offset(LineIndex lines, String content, int line, int column) {
    if (line < 1 || line > lines.lineCount()) return content.length();
    return Math.min(content.length(), lines.startOf(line) + Math.max(0, column - 1));
  }
}

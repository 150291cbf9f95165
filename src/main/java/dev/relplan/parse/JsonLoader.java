package dev.relplan.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.relplan.source.Location;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds a located {@link Node} tree from JSON with jackson-core's streaming parser. */
public final class JsonLoader {
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          // Tool configuration files (tsconfig.json, .vscode/*.json) are JSON with comments;
          // accepting them avoids spurious skips.
          .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_JAVA_COMMENTS)
          .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_TRAILING_COMMA)
          .streamReadConstraints(
              StreamReadConstraints.builder().maxNestingDepth(Limits.MAX_DEPTH).build())
          .build();

  private JsonLoader() {}

  public static Node load(String file, String content) throws ParseException {
    try (JsonParser p = FACTORY.createParser(content)) {
      try {
        JsonToken first = p.nextToken();
        if (first == null) throw new ParseException("empty JSON document", 1);
        Node root = read(file, p, first, 0);
        if (p.nextToken() != null) {
          int line = line(p);
          throw new ParseException(
              "unexpected content after the JSON document (line " + line + ")", line);
        }
        return root;
      } catch (StreamConstraintsException e) {
        // Jackson reports no location for its limits; the parser knows where it stopped.
        int line = p.currentLocation().getLineNr();
        throw new ParseException(
            "invalid JSON: document nests deeper than "
                + Limits.MAX_DEPTH
                + " levels (line "
                + line
                + ")",
            line);
      } catch (JsonProcessingException e) {
        int line =
            e.getLocation() == null || e.getLocation().getLineNr() < 1
                ? p.currentLocation().getLineNr()
                : e.getLocation().getLineNr();
        throw new ParseException(
            "invalid JSON: "
                + e.getOriginalMessage().lines().findFirst().orElse("")
                + " (line "
                + line
                + ")",
            line);
      }
    } catch (IOException e) {
      throw new ParseException("unreadable JSON: " + e.getMessage(), 0);
    }
  }

  private static Node read(String file, JsonParser p, JsonToken t, int depth)
      throws IOException, ParseException {
    Location loc = new Location(file, line(p));
    switch (t) {
      case START_OBJECT -> {
        List<MapNode.Entry> entries = new ArrayList<>();
        // Where each key was first seen: a hash lookup keeps the duplicate check linear.
        Map<String, Location> seen = new HashMap<>();
        JsonToken k;
        while ((k = p.nextToken()) == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          Location keyLoc = new Location(file, line(p));
          Location first = seen.putIfAbsent(key, keyLoc);
          if (first != null) {
            throw new ParseException(
                "duplicate key '"
                    + key
                    + "' (line "
                    + keyLoc.line()
                    + ", first at line "
                    + first.line()
                    + ")",
                keyLoc.line());
          }
          Node value = read(file, p, p.nextToken(), depth + 1);
          entries.add(new MapNode.Entry(key, keyLoc, value));
        }
        return new MapNode(loc, null, List.copyOf(entries));
      }
      case START_ARRAY -> {
        List<Node> items = new ArrayList<>();
        JsonToken n;
        while ((n = p.nextToken()) != JsonToken.END_ARRAY) items.add(read(file, p, n, depth + 1));
        return new SeqNode(loc, null, List.copyOf(items));
      }
      case VALUE_STRING -> {
        return new ScalarNode(loc, null, p.getText(), ScalarNode.Kind.STRING);
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return new ScalarNode(loc, null, p.getText(), ScalarNode.Kind.NUMBER);
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return new ScalarNode(loc, null, p.getText(), ScalarNode.Kind.BOOLEAN);
      }
      case VALUE_NULL -> {
        return new ScalarNode(loc, null, null, ScalarNode.Kind.NULL);
      }
      default -> throw new ParseException("unexpected JSON token " + t, loc.line());
    }
  }

  private static int line(JsonParser p) {
    return p.currentTokenLocation().getLineNr();
  }
}

package dev.relplan.iac.cdk;

import dev.relplan.discover.SourceFile;
import dev.relplan.parse.JsonLoader;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ParseException;
import dev.relplan.parse.ScalarNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The entry point cdk.json's {@code app} command runs ({@code npx ts-node --prefer-ts-exts
 * bin/app.ts}, {@code node bin/app.js} after compiling, {@code python3 app.py}), relative to the
 * cdk.json's folder; the command is read, never run.
 */
final class AppCommand {
  private AppCommand() {}

  /** The TypeScript or Python files the app command names, as discovery shows them. */
  static List<String> entries(SourceFile cdkJson) {
    List<String> out = new ArrayList<>();
    Node document = document(cdkJson);
    if (!(document instanceof MapNode map) || !(map.get("app") instanceof ScalarNode app))
      return out;
    String display = cdkJson.display();
    String folder = display.contains("/") ? display.substring(0, display.lastIndexOf('/') + 1) : "";
    for (String word : app.text().trim().split("\\s+")) {
      String source = word.endsWith(".js") ? word.substring(0, word.length() - 3) + ".ts" : word;
      if (source.startsWith("./")) source = source.substring(2);
      if (source.endsWith(".ts") || source.endsWith(".py")) out.add(folder + source);
    }
    return out;
  }

  /** The parsed cdk.json (discovery reads it as text for this adapter), or null when invalid. */
  private static Node document(SourceFile cdkJson) {
    if (cdkJson.document() != null) return cdkJson.document();
    try {
      return JsonLoader.load(cdkJson.display(), cdkJson.content());
    } catch (ParseException e) {
      return null;
    }
  }
}

package dev.relplan.code.go;

import dev.relplan.code.HandlerCode;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.Value;
import dev.relplan.parse.treesitter.TreeSitterNatives;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.treesitter.TSParser;
import org.treesitter.TSTree;
import org.treesitter.TreeSitterGo;

/**
 * A Go Lambda handler — the function passed to {@code lambda.Start} / {@code StartWithOptions}
 * (github.com/aws/aws-lambda-go) in the main package of the function's code directory — and its
 * idempotency: a DynamoDB conditional write ({@code ConditionExpression} on a request) in that
 * package.
 */
public final class GoHandlers {
  private static final String LAMBDA = "github.com/aws/aws-lambda-go/lambda";

  private GoHandlers() {}

  /**
   * The handler in the package made of these files (one directory), or null when none is started
   * there.
   */
  public static HandlerCode find(List<SourceFile> packageFiles) {
    TSParser parser = TreeSitterNatives.newParser();
    parser.setLanguage(new TreeSitterGo());
    List<GoFile> files = new ArrayList<>();
    for (SourceFile s : packageFiles) {
      TSTree tree = parser.parseString(null, s.content());
      if (tree.getRootNode().hasError()) continue;
      files.add(
          new GoFile(
              s.display(),
              GoNode.copy(tree.getRootNode(), s.content().getBytes(StandardCharsets.UTF_8))));
    }
    String handlerName = null;
    GoFile startedIn = null;
    GoNode started = null;
    for (GoFile f : files) {
      for (GoNode c : f.calls()) {
        String q = f.qualify(c.field("function"));
        List<GoNode> args = GoFile.args(c);
        if (q == null
            || args.isEmpty()
            || !(q.equals(LAMBDA + ".Start") || q.equals(LAMBDA + ".StartWithOptions"))) continue;
        startedIn = f;
        started = args.get(0);
        if (started.is("identifier")) handlerName = started.text();
      }
    }
    if (started == null) return null;
    HandlerCode found = null;
    if (started.is("func_literal")) found = new HandlerCode(startedIn.at(started), Value.absent());
    for (GoFile f : files) {
      for (GoNode d : f.root.children) {
        if (handlerName != null
            && d.is("function_declaration")
            && d.field("name") != null
            && d.field("name").text().equals(handlerName)) {
          found = new HandlerCode(f.at(d.field("name")), Value.absent());
        }
      }
    }
    if (found == null) return null;
    return new HandlerCode(found.definition(), idempotency(files), handlerName);
  }

  private static Value<String> idempotency(List<GoFile> files) {
    for (GoFile f : files) {
      for (GoNode k : f.root.all("keyed_element")) {
        GoNode key = k.field("key");
        if (key != null && key.text().equals("ConditionExpression") && k.field("value") != null) {
          return Value.explicit(
              "conditional write: ConditionExpression: " + GoFile.shorten(k.field("value").text()),
              List.of(f.at(k)));
        }
      }
    }
    return Value.absent();
  }
}

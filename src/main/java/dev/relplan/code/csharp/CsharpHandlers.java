package dev.relplan.code.csharp;

import dev.relplan.code.HandlerCode;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.Value;
import dev.relplan.parse.treesitter.TreeSitterNatives;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.treesitter.TSParser;
import org.treesitter.TSTree;
import org.treesitter.TreeSitterCSharp;

/**
 * A .NET Lambda handler ({@code Assembly::Namespace.Class::Method}) and its idempotency: Powertools
 * for AWS Lambda (.NET) {@code [Idempotent]}, or a DynamoDB conditional write ({@code
 * ConditionExpression} set on a request) in the handler's file.
 */
public final class CsharpHandlers {
  private CsharpHandlers() {}

  /**
   * The handler method of the class in the file, or null when the file does not parse or has no
   * such method.
   */
  public static HandlerCode find(SourceFile file, String className, String method) {
    TSParser parser = TreeSitterNatives.newParser();
    parser.setLanguage(new TreeSitterCSharp());
    TSTree tree = parser.parseString(null, file.content());
    if (tree.getRootNode().hasError()) return null;
    CsFile f =
        new CsFile(
            file.display(),
            CsNode.copy(tree.getRootNode(), file.content().getBytes(StandardCharsets.UTF_8)));
    CsNode handler = null;
    for (CsNode m : f.root.all("method_declaration")) {
      CsNode type = CsFile.type(m);
      if (handler == null
          && m.field("name") != null
          && m.field("name").text().equals(method)
          && type != null
          && type.field("name") != null
          && type.field("name").text().equals(className)) handler = m;
    }
    if (handler == null) return null;
    return new HandlerCode(f.at(handler.field("name")), idempotency(f));
  }

  private static Value<String> idempotency(CsFile f) {
    for (CsNode a : f.root.all("attribute")) {
      String name = CsFile.typeName(a.field("name"));
      if ("Idempotent".equals(name) || "IdempotentAttribute".equals(name))
        return Value.explicit("Powertools [Idempotent]", List.of(f.at(a)));
    }
    for (CsNode a : f.root.all("assignment_expression")) {
      CsNode left = a.field("left");
      if (left == null) continue;
      String property =
          left.is("member_access_expression") && left.field("name") != null
              ? left.field("name").text()
              : left.text();
      if (property.equals("ConditionExpression")) {
        return Value.explicit(
            "conditional write: ConditionExpression = " + CsFile.shorten(a.field("right").text()),
            List.of(f.at(a)));
      }
    }
    return Value.absent();
  }
}

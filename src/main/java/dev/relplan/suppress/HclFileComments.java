package dev.relplan.suppress;

import dev.relplan.parse.LineIndex;
import dev.relplan.parse.hcl.Attribute;
import dev.relplan.parse.hcl.Block;
import dev.relplan.parse.hcl.Body;
import dev.relplan.parse.hcl.BodyItem;
import dev.relplan.parse.hcl.HclComments;
import dev.relplan.parse.hcl.HclParser;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A Terraform file's comments ({@code #}, {@code //}, {@code /* *\/}) from the HCL lexer, and its
 * blocks (resources, module calls, nested blocks) and attributes from the HCL parser.
 */
final class HclFileComments {
  private HclFileComments() {}

  static List<Comment> comments(String display, String content, LineIndex text) {
    List<Comment> out = new ArrayList<>();
    for (HclComments.Comment c : HclComments.of(display, content)) {
      int line = text.lineOf(c.startOffset());
      // A line comment's end offset is its line break's: the comment ends on its own line.
      int endLine = text.lineOf(Math.max(c.startOffset(), c.endOffset() - 1));
      out.add(new Comment(line, endLine, CodeFile.ownLine(text, line, c.text()), c.text()));
    }
    return out;
  }

  static List<Placement.Span> spans(String display, String content) {
    List<Placement.Span> spans = new ArrayList<>();
    Deque<Body> todo = new ArrayDeque<>(List.of(HclParser.parse(display, content).body()));
    while (!todo.isEmpty()) {
      for (BodyItem item : todo.pop().items()) {
        if (item instanceof Block b) {
          spans.add(new Placement.Span(b.range().line(), b.endLine(), b.range().line()));
          todo.push(b.body());
        } else if (item instanceof Attribute a) {
          spans.add(new Placement.Span(a.range().line(), a.range().endLine(), a.range().line()));
        }
      }
    }
    return spans;
  }
}

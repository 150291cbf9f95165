package dev.relplan.parse.hcl;

import java.util.ArrayList;
import java.util.List;

/** The comments of an HCL native-syntax file, as the lexer finds them. */
public final class HclComments {
  /** One comment: its text with its leader, and its char offsets (end exclusive). */
  public record Comment(String text, int startOffset, int endOffset) {}

  private HclComments() {}

  /** Every comment of the file, in order. */
  public static List<Comment> of(String displayPath, String content) throws HclSyntaxException {
    SourceMap sm = new SourceMap(displayPath, content);
    List<Comment> out = new ArrayList<>();
    for (int[] span : Lexer.comments(content, sm))
      out.add(new Comment(content.substring(span[0], span[1]), span[0], span[1]));
    return out;
  }
}

package dev.relplan.iac.cloudformation;

import dev.relplan.model.Value;
import dev.relplan.parse.Node;
import dev.relplan.parse.ScalarNode;
import dev.relplan.source.Location;
import java.util.List;

/**
 * Lambda code written in the template ({@code Code.ZipFile}, SAM {@code InlineCode}), located at
 * the template line of its first code line so that what is found in it points into the template.
 */
final class InlineCode {
  private InlineCode() {}

  /** The literal code under {@code path}, absent when there is none or it is computed. */
  static Value<String> of(ResourceContext c, String path) {
    Node n = c.props.node(path);
    if (!(n instanceof ScalarNode s) || s.text() == null || Template.intrinsicName(s) != null)
      return Value.absent();
    int line = s.location().line();
    // A block scalar (| or >) starts on the line after its indicator.
    String declared = c.template.file.line(line);
    boolean block = declared.endsWith("|") || declared.endsWith("|-") || declared.endsWith("|+");
    return Value.explicit(
        s.text(), List.of(new Location(s.location().file(), block ? line + 1 : line)));
  }

  /**
   * Where a plain Lambda function's code package lies in S3 ({@code s3://bucket/key}), absent when
   * the code is inline, an image, or its bucket or key is computed.
   */
  static Value<String> s3Object(ResourceContext c) {
    Value<String> bucket = c.props.str("Code.S3Bucket");
    Value<String> key = c.props.str("Code.S3Key");
    if (!bucket.present() || !key.present()) return Value.absent();
    return Value.explicit(
        "s3://" + bucket.get() + "/" + key.get(), List.of(c.props.keyLocation("Code")));
  }
}

package dev.relplan.parse.hcl;

import java.util.Objects;

/**
 * A parsed HCL file: its display path, its top-level body, and the content it was parsed from (so
 * that the original text of any node can be quoted as evidence with {@link #text(SourceRange)}).
 */
public record HclFile(String path, Body body, String content) {
  public HclFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(content, "content");
  }

  /** The original source text covered by {@code range} (which must come from this file). */
  public String text(SourceRange range) {
    int s = Math.max(0, Math.min(range.startOffset(), content.length()));
    int e = Math.max(s, Math.min(range.endOffset(), content.length()));
    return content.substring(s, e);
  }
}

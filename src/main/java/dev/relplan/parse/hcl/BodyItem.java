package dev.relplan.parse.hcl;

/** An item of a {@link Body}: an {@link Attribute} or a {@link Block}. */
public sealed interface BodyItem permits Attribute, Block {
  SourceRange range();

  /** 1-based line where the item starts. */
  default int line() {
    return range().line();
  }

  /** 1-based column where the item starts. */
  default int column() {
    return range().column();
  }
}

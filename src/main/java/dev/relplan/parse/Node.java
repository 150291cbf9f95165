package dev.relplan.parse;

import dev.relplan.source.Location;

/**
 * A located document tree shared by YAML and JSON: every node knows its file and line. Scalars keep
 * their text; {@code tag} holds a YAML explicit tag such as {@code !Ref} (null when there is none).
 */
public sealed interface Node permits MapNode, SeqNode, ScalarNode {
  Location location();

  String tag();

  /**
   * The CloudFormation short-form intrinsic name for a tagged node ({@code !Ref} → {@code Ref}).
   */
  default String intrinsicTag() {
    String t = tag();
    if (t == null || !t.startsWith("!") || t.startsWith("!!")) return null;
    String name = t.substring(1);
    return name.equals("Ref") || name.equals("Condition") ? name : "Fn::" + name;
  }
}

package dev.relplan.iac.kubernetes.kustomize;

import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ScalarNode;

/**
 * A container image reference as kustomize's {@code images} field reads it: the name before the tag
 * ({@code :tag} after the last '/') or digest ({@code @sha256:…}).
 */
final class Images {
  private Images() {}

  static String name(String image) {
    int at = image.indexOf('@');
    if (at >= 0) return image.substring(0, at);
    int colon = image.lastIndexOf(':');
    return colon > image.lastIndexOf('/') ? image.substring(0, colon) : image;
  }

  /** The tag or digest with its separator, or "". */
  static String suffix(String image) {
    return image.substring(name(image).length());
  }

  /**
   * The image with the entry applied when its name matches, located at the entry's line that
   * decided it (digest, else newTag, else newName); otherwise the image unchanged.
   */
  static ScalarNode retag(ScalarNode image, MapNode entry) {
    String text = image.text();
    if (text == null || !name(text).equals(Trees.text(entry, "name"))) return image;
    String newName = Trees.text(entry, "newName");
    String newTag = Trees.text(entry, "newTag");
    String digest = Trees.text(entry, "digest");
    String result = newName != null ? newName : name(text);
    if (digest != null) result += "@" + digest;
    else if (newTag != null) result += ":" + newTag;
    else result += suffix(text);
    Node decided = entry.get(digest != null ? "digest" : newTag != null ? "newTag" : "newName");
    if (decided == null) return image;
    return Trees.string(decided.location(), result);
  }
}

package dev.relplan.iac.kubernetes.helm;

import dev.relplan.parse.Node;
import dev.relplan.source.Location;
import dev.relplan.source.SkippedFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One chart rendered like {@code helm template}: the Kubernetes objects it produces, each a located
 * tree whose nodes sit at the template line that wrote them ({@code file} is the template's path as
 * the scan names it), with the values-file lines that supplied a node's value beside it ({@link
 * #valuesLines}). {@code valuesUsed} says which values files were merged; {@code skipped} holds the
 * chart itself when it did not render, with Helm's error; {@code notes} say how it was read (values
 * chosen, dependencies not assessed).
 */
public record RenderedChart(
    Path chartDir,
    String name,
    String valuesUsed,
    List<Node> objects,
    List<SkippedFile> skipped,
    List<String> notes,
    Map<Node, List<Location>> valuesTrace) {

  /** The values-file lines that supplied {@code node}'s value; empty when none was traced. */
  public List<Location> valuesLines(Node node) {
    return valuesTrace.getOrDefault(node, List.of());
  }

  /** Whether Helm rendered the chart. */
  public boolean rendered() {
    return skipped.isEmpty();
  }
}

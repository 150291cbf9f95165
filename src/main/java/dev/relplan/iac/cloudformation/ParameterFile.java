package dev.relplan.iac.cloudformation;

import dev.relplan.discover.SourceFile;
import dev.relplan.model.Production;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ScalarNode;
import dev.relplan.parse.SeqNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CloudFormation parameter values from a file: the CLI list form {@code [{"ParameterKey": "Env",
 * "ParameterValue": "prod"}]} or the {@code {"Parameters": {...}}} form used by CodePipeline and
 * SAM. Each value keeps the line where it is set.
 */
public record ParameterFile(String display, Map<String, Template.ParameterValue> values) {
  public static ParameterFile of(SourceFile file) {
    return of(file.display(), file.document());
  }

  static ParameterFile of(String display, Node doc) {
    Map<String, Template.ParameterValue> values = new LinkedHashMap<>();
    if (doc instanceof SeqNode s) {
      for (Node item : s.items()) {
        if (item instanceof MapNode m
            && m.get("ParameterKey") instanceof ScalarNode k
            && m.entry("ParameterValue") != null
            && m.get("ParameterValue") instanceof ScalarNode v) {
          values.put(
              k.text(),
              new Template.ParameterValue(
                  scalar(v), m.entry("ParameterValue").keyLocation(), display));
        }
      }
    } else if (doc instanceof MapNode m && m.get("Parameters") instanceof MapNode params) {
      for (MapNode.Entry e : params.entries()) {
        if (e.value() instanceof ScalarNode v)
          values.put(e.key(), new Template.ParameterValue(scalar(v), e.keyLocation(), display));
      }
    }
    return new ParameterFile(display, values);
  }

  private static Object scalar(ScalarNode v) {
    return v.text() == null ? "" : v.text();
  }

  /** True when the file's path says it holds production values (params/prod.json). */
  public boolean namesProduction() {
    return Production.mentionsProduction(display);
  }
}

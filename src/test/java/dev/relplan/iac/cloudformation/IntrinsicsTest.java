package dev.relplan.iac.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.Unknown;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.YamlLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The name → function table of CloudFormation intrinsics, as a template evaluates its values. */
class IntrinsicsTest {
  private static final String TEMPLATE =
      """
      Parameters:
        Env:
          Type: String
          Default: prod
      Mappings:
        Sizes:
          prod:
            Size: large
      Conditions:
        IsProd: !Equals [!Ref Env, prod]
      Resources:
        Queue:
          Type: AWS::SQS::Queue
      Values:
        shortJoin: !Join ["-", [a, !Ref Env]]
        longJoin: {"Fn::Join": ["-", [a, {"Ref": "Env"}]]}
        shortSelect: !Select [1, !Split [",", "a,b"]]
        longSelect: {"Fn::Select": [1, {"Fn::Split": [",", "a,b"]}]}
        shortSub: !Sub "${Env}-queue-${!Literal}"
        longSub: {"Fn::Sub": "${Env}-queue-${!Literal}"}
        shortIf: !If [IsProd, !FindInMap [Sizes, !Ref Env, Size], small]
        longIf: {"Fn::If": ["IsProd", {"Fn::FindInMap": ["Sizes", {"Ref": "Env"}, "Size"]}, "small"]}
        cidr: !Cidr [10.0.0.0/16, 2, 8]
      """;

  private static Template template(String text) throws Exception {
    SourceFile f =
        new SourceFile(
            Path.of("t.yaml"),
            "t.yaml",
            FileKind.CLOUDFORMATION,
            text,
            YamlLoader.loadAll("t.yaml", text));
    return new Template(f, "t.yaml", List.of(), Map.of(), new CrossStack());
  }

  private static Object value(Template t, String key) {
    return t.eval(((MapNode) t.root.get("Values")).get(key)).value();
  }

  @Test
  void aShortFormTagEvaluatesAsItsLongForm() throws Exception {
    Template t = template(TEMPLATE);
    for (String fn : List.of("Join", "Select", "Sub", "If")) {
      assertThat(value(t, "short" + fn))
          .as(fn)
          .isEqualTo(value(t, "long" + fn))
          .isNotInstanceOf(Unknown.class);
    }
  }

  @Test
  void anIntrinsicOutsideTheTableIsLeftToDeployTime() throws Exception {
    assertThat(value(template(TEMPLATE), "cidr"))
        .isEqualTo(new Unknown("Fn::Cidr is evaluated by CloudFormation at deploy time"));
  }

  @Test
  void everyIntrinsicCountsTowardsTheDepthLimit() throws Exception {
    assertThat(value(template(nestedBase64(100)), "v")).isEqualTo("x");
    assertThat(value(template(nestedBase64(101)), "v"))
        .isEqualTo(new Unknown("expression nests too deeply"));
  }

  private static String nestedBase64(int levels) {
    return "Values:\n  v: " + "{\"Fn::Base64\": ".repeat(levels) + "x" + "}".repeat(levels) + "\n";
  }
}

package dev.relplan.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JsonLoaderTest {
  static final String TEMPLATE =
      """
      {
        "Resources": {
          "Db": {
            "Type": "AWS::RDS::DBInstance",
            "Properties": {
              "MultiAZ": {"Fn::If": ["IsProd", true, false]},
              "AllocatedStorage": "20",
              "Iops": 1000,
              "Ratio": 1.5,
              "Nothing": null,
              "Name": {"Ref": "DbName"}
            }
          }
        }
      }
      """;

  static MapNode props() throws ParseException {
    MapNode doc = (MapNode) JsonLoader.load("t.json", TEMPLATE);
    return (MapNode) ((MapNode) ((MapNode) doc.get("Resources")).get("Db")).get("Properties");
  }

  @Test
  void nodesKnowTheirOneBasedLines() throws ParseException {
    MapNode doc = (MapNode) JsonLoader.load("t.json", TEMPLATE);
    assertThat(doc.location()).hasToString("t.json:1");
    assertThat(doc.entry("Resources").keyLocation().line()).isEqualTo(2);
    MapNode p = props();
    assertThat(p.entry("MultiAZ").keyLocation().line()).isEqualTo(6);
    assertThat(p.get("MultiAZ").location().line()).isEqualTo(6);
    assertThat(p.entry("Name").keyLocation().line()).isEqualTo(11);
  }

  @Test
  void longFormIntrinsicsAreSingleKeyMapsWithoutTags() throws ParseException {
    MapNode ifNode = (MapNode) props().get("MultiAZ");
    assertThat(ifNode.singleKey()).isEqualTo("Fn::If");
    assertThat(ifNode.tag()).isNull();
    assertThat(ifNode.intrinsicTag()).isNull();
    assertThat(((SeqNode) ifNode.get("Fn::If")).items()).hasSize(3);
  }

  @Test
  void scalarKindsFollowJsonTypes() throws ParseException {
    MapNode p = props();
    assertThat(((ScalarNode) p.get("AllocatedStorage")).kind()).isEqualTo(ScalarNode.Kind.STRING);
    assertThat(((ScalarNode) p.get("Iops")).kind()).isEqualTo(ScalarNode.Kind.NUMBER);
    assertThat(((ScalarNode) p.get("Ratio")).kind()).isEqualTo(ScalarNode.Kind.NUMBER);
    assertThat(((ScalarNode) p.get("Nothing")).isNull()).isTrue();
    ScalarNode t =
        (ScalarNode) ((SeqNode) ((MapNode) p.get("MultiAZ")).get("Fn::If")).items().get(1);
    assertThat(t.kind()).isEqualTo(ScalarNode.Kind.BOOLEAN);
    assertThat(t.text()).isEqualTo("true");
  }

  @Test
  void duplicateKeyIsRejectedNamingBothLines() {
    String json = "{\n  \"Resources\": {\n    \"A\": {},\n    \"B\": {},\n    \"A\": {}\n  }\n}\n";
    assertThatThrownBy(() -> JsonLoader.load("t.json", json))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("duplicate key 'A'")
        .hasMessageContaining("line 5")
        .hasMessageContaining("first at line 3")
        .satisfies(e -> assertThat(((ParseException) e).line()).isEqualTo(5));
  }

  @Test
  void sameKeyInSiblingObjectsIsAllowed() throws ParseException {
    MapNode doc = (MapNode) JsonLoader.load("t.json", "{\"a\": {\"x\": 1}, \"b\": {\"x\": 2}}");
    assertThat(((ScalarNode) ((MapNode) doc.get("b")).get("x")).text()).isEqualTo("2");
  }

  @Test
  void syntaxErrorNamesItsLine() {
    assertThatThrownBy(() -> JsonLoader.load("t.json", "{\n  \"a\": 1,\n  \"b\" 2\n}\n"))
        .isInstanceOf(ParseException.class)
        .hasMessageStartingWith("invalid JSON")
        .hasMessageContaining("(line 3)");
  }

  @Test
  void nestingBeyondTheLimitIsRejectedWithALine() {
    String deep = "[".repeat(Limits.MAX_DEPTH + 5) + "]".repeat(Limits.MAX_DEPTH + 5);
    assertThatThrownBy(() -> JsonLoader.load("t.json", deep))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("nests deeper than " + Limits.MAX_DEPTH)
        .hasMessageContaining("(line 1)");
  }

  @Test
  void nestingAtTheLimitIsAccepted() throws ParseException {
    String atLimit = "[".repeat(Limits.MAX_DEPTH) + "]".repeat(Limits.MAX_DEPTH);
    assertThat(JsonLoader.load("t.json", atLimit)).isInstanceOf(SeqNode.class);
  }

  @Test
  void emptyDocumentIsRejected() {
    assertThatThrownBy(() -> JsonLoader.load("t.json", "  \n"))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void trailingContentIsRejectedWithItsLine() {
    assertThatThrownBy(() -> JsonLoader.load("t.json", "{}\n\n[]\n"))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("unexpected content")
        .hasMessageContaining("(line 3)");
  }
}

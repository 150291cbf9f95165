package dev.relplan.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class YamlLoaderTest {
  static MapNode load(String yaml) throws ParseException {
    List<Node> docs = YamlLoader.loadAll("t.yaml", yaml);
    assertThat(docs).hasSize(1);
    return (MapNode) docs.get(0);
  }

  static final String TEMPLATE =
      """
      Conditions:
        IsProd: !Equals [!Ref Env, prod]
      Resources:
        Db:
          Type: AWS::RDS::DBInstance
          Properties:
            MultiAZ: !If [IsProd, true, false]
            DBSubnetGroupName: !ImportValue network-DbSubnets
            AvailabilityZone: !Select [0, !GetAZs '']
            Endpoint: !GetAtt Cluster.Endpoint.Address
            Name: !Sub '${AWS::StackName}-db'
            Url: !Sub
              - 'https://${Host}/x'
              - Host: !GetAtt Lb.DNSName
            Flag: !Condition IsProd
            Joined: !Join ['-', [a, !Ref Env]]
      """;

  static Node props(MapNode doc) {
    return ((MapNode) ((MapNode) ((MapNode) doc.get("Resources")).get("Db")).get("Properties"));
  }

  static MapNode.Entry prop(MapNode doc, String name) {
    return ((MapNode) props(doc)).entry(name);
  }

  @Test
  void refKeepsItsTagAndLine() throws ParseException {
    MapNode doc = load(TEMPLATE);
    SeqNode equals = (SeqNode) ((MapNode) doc.get("Conditions")).get("IsProd");
    assertThat(equals.tag()).isEqualTo("!Equals");
    assertThat(equals.intrinsicTag()).isEqualTo("Fn::Equals");
    assertThat(equals.location().line()).isEqualTo(2);
    ScalarNode ref = (ScalarNode) equals.items().get(0);
    assertThat(ref.tag()).isEqualTo("!Ref");
    assertThat(ref.intrinsicTag()).isEqualTo("Ref");
    assertThat(ref.text()).isEqualTo("Env");
    assertThat(ref.location()).hasToString("t.yaml:2");
  }

  @Test
  void ifIsATaggedSequenceOnItsLine() throws ParseException {
    MapNode.Entry e = prop(load(TEMPLATE), "MultiAZ");
    assertThat(e.keyLocation().line()).isEqualTo(7);
    SeqNode ifNode = (SeqNode) e.value();
    assertThat(ifNode.tag()).isEqualTo("!If");
    assertThat(ifNode.intrinsicTag()).isEqualTo("Fn::If");
    assertThat(ifNode.location().line()).isEqualTo(7);
    assertThat(ifNode.items()).hasSize(3);
    assertThat(((ScalarNode) ifNode.items().get(0)).text()).isEqualTo("IsProd");
    assertThat(((ScalarNode) ifNode.items().get(1)).kind()).isEqualTo(ScalarNode.Kind.BOOLEAN);
  }

  @Test
  void importValueKeepsTag() throws ParseException {
    ScalarNode n = (ScalarNode) prop(load(TEMPLATE), "DBSubnetGroupName").value();
    assertThat(n.tag()).isEqualTo("!ImportValue");
    assertThat(n.intrinsicTag()).isEqualTo("Fn::ImportValue");
    assertThat(n.text()).isEqualTo("network-DbSubnets");
    assertThat(n.location().line()).isEqualTo(8);
  }

  @Test
  void selectWithNestedGetAzsKeepsBothTags() throws ParseException {
    SeqNode select = (SeqNode) prop(load(TEMPLATE), "AvailabilityZone").value();
    assertThat(select.tag()).isEqualTo("!Select");
    assertThat(select.intrinsicTag()).isEqualTo("Fn::Select");
    assertThat(select.location().line()).isEqualTo(9);
    ScalarNode getAzs = (ScalarNode) select.items().get(1);
    assertThat(getAzs.tag()).isEqualTo("!GetAZs");
    assertThat(getAzs.intrinsicTag()).isEqualTo("Fn::GetAZs");
    assertThat(getAzs.text()).isEmpty();
    assertThat(getAzs.location().line()).isEqualTo(9);
  }

  @Test
  void getAttDottedFormKeepsTheWholeText() throws ParseException {
    ScalarNode n = (ScalarNode) prop(load(TEMPLATE), "Endpoint").value();
    assertThat(n.tag()).isEqualTo("!GetAtt");
    assertThat(n.intrinsicTag()).isEqualTo("Fn::GetAtt");
    assertThat(n.text()).isEqualTo("Cluster.Endpoint.Address");
    assertThat(n.kind()).isEqualTo(ScalarNode.Kind.STRING);
    assertThat(n.location().line()).isEqualTo(10);
  }

  @Test
  void subScalarAndSubListKeepTags() throws ParseException {
    MapNode doc = load(TEMPLATE);
    ScalarNode sub = (ScalarNode) prop(doc, "Name").value();
    assertThat(sub.tag()).isEqualTo("!Sub");
    assertThat(sub.intrinsicTag()).isEqualTo("Fn::Sub");
    assertThat(sub.text()).isEqualTo("${AWS::StackName}-db");
    assertThat(sub.location().line()).isEqualTo(11);
    SeqNode subList = (SeqNode) prop(doc, "Url").value();
    assertThat(subList.tag()).isEqualTo("!Sub");
    assertThat(subList.location().line()).isEqualTo(12);
    MapNode vars = (MapNode) subList.items().get(1);
    assertThat(vars.location().line()).isEqualTo(14);
    ScalarNode host = (ScalarNode) vars.get("Host");
    assertThat(host.tag()).isEqualTo("!GetAtt");
    assertThat(host.text()).isEqualTo("Lb.DNSName");
    assertThat(host.location().line()).isEqualTo(14);
  }

  @Test
  void conditionTagMapsToCondition() throws ParseException {
    ScalarNode n = (ScalarNode) prop(load(TEMPLATE), "Flag").value();
    assertThat(n.tag()).isEqualTo("!Condition");
    assertThat(n.intrinsicTag()).isEqualTo("Condition");
    assertThat(n.location().line()).isEqualTo(15);
  }

  @Test
  void joinWithNestedRefKeepsTagsAndLines() throws ParseException {
    SeqNode join = (SeqNode) prop(load(TEMPLATE), "Joined").value();
    assertThat(join.tag()).isEqualTo("!Join");
    SeqNode parts = (SeqNode) join.items().get(1);
    assertThat(parts.tag()).isNull();
    assertThat(parts.items().get(1).tag()).isEqualTo("!Ref");
    assertThat(parts.items().get(1).location().line()).isEqualTo(16);
  }

  @Test
  void standardTagsAreNotIntrinsics() throws ParseException {
    MapNode doc = load("a: !!str 5\nb: 5\n");
    ScalarNode a = (ScalarNode) doc.get("a");
    assertThat(a.tag()).isEqualTo("!!str");
    assertThat(a.intrinsicTag()).isNull();
    assertThat(a.kind()).isEqualTo(ScalarNode.Kind.STRING);
    assertThat(((ScalarNode) doc.get("b")).kind()).isEqualTo(ScalarNode.Kind.NUMBER);
    assertThat(doc.get("b").tag()).isNull();
  }

  @Test
  void linesAreOneBasedFromTheFirstLine() throws ParseException {
    MapNode doc = load("First: 1\nSecond:\n  - x\n");
    assertThat(doc.location().line()).isEqualTo(1);
    assertThat(doc.entry("First").keyLocation().line()).isEqualTo(1);
    assertThat(doc.entry("Second").keyLocation().line()).isEqualTo(2);
    assertThat(((SeqNode) doc.get("Second")).items().get(0).location().line()).isEqualTo(3);
  }

  @Test
  void duplicateKeyIsRejectedNamingBothLines() {
    assertThatThrownBy(() -> load("Resources:\n  A:\n    Type: x\n  B: 1\n  A: 2\n"))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("duplicate key 'A'")
        .hasMessageContaining("line 5")
        .hasMessageContaining("first at line 2")
        .satisfies(e -> assertThat(((ParseException) e).line()).isEqualTo(5));
  }

  @Test
  void duplicateKeyInFlowMappingIsRejected() {
    assertThatThrownBy(() -> load("x: {a: 1, b: 2, a: 3}\n"))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("duplicate key 'a'");
  }

  @Test
  void sameKeyInSiblingMapsIsAllowed() throws ParseException {
    MapNode doc = load("A:\n  Type: x\nB:\n  Type: y\n");
    assertThat(((MapNode) doc.get("B")).entry("Type").keyLocation().line()).isEqualTo(4);
  }

  @Test
  void aliasSharesTheAnchoredNode() throws ParseException {
    MapNode doc = load("base: &b {x: 1}\ncopy: *b\n");
    assertThat(doc.get("copy")).isSameAs(doc.get("base"));
  }

  @Test
  void everyDocumentOfAStreamIsReturned() throws ParseException {
    List<Node> docs = YamlLoader.loadAll("t.yaml", "a: 1\n---\nb: 2\n");
    assertThat(docs).hasSize(2);
    assertThat(docs.get(1).location().line()).isEqualTo(3);
  }

  @Test
  void syntaxErrorNamesItsLine() {
    assertThatThrownBy(() -> YamlLoader.loadAll("t.yaml", "a: 1\nb: [\n"))
        .isInstanceOf(ParseException.class)
        .hasMessageStartingWith("invalid YAML")
        .hasMessageMatching(".*\\(line [1-9][0-9]*\\)");
  }

  @Test
  void aFilesLocationsCarryItsOwnNameWhenFilesShareTheParserSettings() throws Exception {
    Node first = YamlLoader.loadAll("a.yaml", "x: 1\n").get(0);
    Node second = YamlLoader.loadAll("b.yaml", "y: 2\n").get(0);
    assertThat(first.location().file()).isEqualTo("a.yaml");
    assertThat(second.location().file()).isEqualTo("b.yaml");
  }

  @Test
  void aCharacterTheReaderRejectsIsReportedWithoutTheReadersLabel() {
    assertThatThrownBy(() -> YamlLoader.loadAll("dir/t.yaml", "a: \u0001b\n"))
        .hasMessage("invalid YAML: special characters are not allowed");
  }
}

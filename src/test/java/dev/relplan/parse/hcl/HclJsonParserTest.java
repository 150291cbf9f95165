package dev.relplan.parse.hcl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

class HclJsonParserTest {

  private static HclFile json(String content) {
    return HclJsonParser.parse("main.tf.json", content);
  }

  private static HclSyntaxException jsonError(String content) {
    HclSyntaxException e =
        catchThrowableOfType(
            HclSyntaxException.class, () -> HclJsonParser.parse("main.tf.json", content));
    assertThat(e).isNotNull();
    return e;
  }

  private static final String RESOURCES =
      String.join(
          "\n",
          "{",
          "  \"resource\": {",
          "    \"aws_s3_bucket\": {",
          "      \"logs\": {",
          "        \"bucket\": \"logs-${var.env}\",",
          "        \"force_destroy\": true",
          "      },",
          "      \"data\": [",
          "        { \"bucket\": \"a\" },",
          "        { \"bucket\": \"b\" }",
          "      ]",
          "    }",
          "  }",
          "}",
          "");

  @Test
  void resourceLabelsBecomeNestedBlockLabels() {
    List<Block> blocks = json(RESOURCES).body().blocks("resource");
    assertThat(blocks)
        .extracting(Block::labels)
        .containsExactly(
            List.of("aws_s3_bucket", "logs"),
            List.of("aws_s3_bucket", "data"),
            List.of("aws_s3_bucket", "data"));
  }

  @Test
  void blockAndAttributePositionsPointAtKeys() {
    Block logs = json(RESOURCES).body().blocks("resource").get(0);
    assertThat(logs.line()).isEqualTo(4);
    assertThat(logs.column()).isEqualTo(7);
    assertThat(logs.endLine()).isEqualTo(7);
    Attribute bucket = logs.body().attribute("bucket").orElseThrow();
    assertThat(bucket.line()).isEqualTo(5);
    assertThat(bucket.column()).isEqualTo(9);
    assertThat(logs.body().attribute("force_destroy").orElseThrow().line()).isEqualTo(6);
  }

  @Test
  void arrayOfBodiesMakesRepeatedBlocks() {
    List<Block> blocks = json(RESOURCES).body().blocks("resource");
    assertThat(blocks.get(1).body().attribute("bucket").orElseThrow().line()).isEqualTo(9);
    assertThat(blocks.get(2).body().attribute("bucket").orElseThrow().line()).isEqualTo(10);
  }

  @Test
  void stringsAreTemplatesWithExactPositions() {
    HclFile f = json(RESOURCES);
    Attribute bucket = f.body().blocks("resource").get(0).body().attribute("bucket").orElseThrow();
    Expr.TemplateExpr t = (Expr.TemplateExpr) bucket.value();
    Expr.ScopeTraversal ref = Exprs.traversals(t).get(0);
    assertThat(ref.path()).isEqualTo("var.env");
    assertThat(ref.range().line()).isEqualTo(5);
    assertThat(ref.range().column()).isEqualTo(27);
    assertThat(f.text(ref.range())).isEqualTo("var.env");
    assertThat(f.text(t.range())).isEqualTo("\"logs-${var.env}\"");
  }

  @Test
  void templatePositionsStayExactAfterJsonEscapes() {
    HclFile f = json("{\"locals\": {\"a\": \"\\\"q\\\" \\u00e9 ${local.b}\"}}");
    Expr.ScopeTraversal ref =
        Exprs.traversals(
                f.body().blocks("locals").get(0).body().attribute("a").orElseThrow().value())
            .get(0);
    assertThat(f.text(ref.range())).isEqualTo("local.b");
  }

  @Test
  void literalValuesMapToLiterals() {
    HclFile f =
        json(
            "{\"locals\": {\"n\": 1.5, \"t\": true, \"z\": null, \"l\": [1, \"x\"],"
                + " \"o\": {\"k\": \"v\"}}}");
    Body locals = f.body().blocks("locals").get(0).body();
    assertThat(locals.attribute("n").orElseThrow().value()).isInstanceOf(Expr.NumberLit.class);
    assertThat(locals.attribute("t").orElseThrow().value()).isInstanceOf(Expr.BoolLit.class);
    assertThat(locals.attribute("z").orElseThrow().value()).isInstanceOf(Expr.NullLit.class);
    assertThat(locals.attribute("l").orElseThrow().value().source()).isEqualTo("[1, \"x\"]");
    Expr.ObjectCons o = (Expr.ObjectCons) locals.attribute("o").orElseThrow().value();
    assertThat(o.get("k").orElseThrow().source()).isEqualTo("\"v\"");
  }

  @Test
  void metaArgumentsAreParsedAsExpressions() {
    HclFile f =
        json(
            String.join(
                "\n",
                "{\"resource\": {\"aws_instance\": {\"web\": {",
                "  \"provider\": \"aws.west\",",
                "  \"depends_on\": [\"aws_iam_role.r\"],",
                "  \"lifecycle\": {\"ignore_changes\": [\"tags\"], \"prevent_destroy\": true}",
                "}}},",
                " \"variable\": {\"ids\": {\"type\": \"list(string)\", \"default\": \"${not_parsed}\"}}}"));
    Block web = f.body().blocks("resource").get(0);
    assertThat(web.body().attribute("provider").orElseThrow().value())
        .isInstanceOf(Expr.ScopeTraversal.class);
    assertThat(web.body().attribute("depends_on").orElseThrow().value().source())
        .isEqualTo("[aws_iam_role.r]");
    Block lifecycle = web.body().blocks("lifecycle").get(0);
    assertThat(lifecycle.body().attribute("ignore_changes").orElseThrow().value().source())
        .isEqualTo("[tags]");
    Body variable = f.body().blocks("variable").get(0).body();
    assertThat(variable.attribute("type").orElseThrow().value())
        .isInstanceOf(Expr.FunctionCall.class);
    Expr.TemplateExpr def = (Expr.TemplateExpr) variable.attribute("default").orElseThrow().value();
    assertThat(def.literalValue()).contains("${not_parsed}");
  }

  @Test
  void knownNestedBlocksAreBlocksAndOthersAreAttributes() {
    HclFile f =
        json(
            String.join(
                "\n",
                "{\"resource\": {\"aws_security_group\": {\"sg\": {",
                "  \"dynamic\": {\"ingress\": {\"for_each\": \"${var.rules}\",",
                "               \"content\": {\"from_port\": \"${ingress.value}\"}}},",
                "  \"egress\": [{\"from_port\": 0}]",
                "}}},",
                " \"terraform\": {\"backend\": {\"s3\": {\"bucket\": \"state\"}}}}"));
    Block sg = f.body().blocks("resource").get(0);
    Block dyn = sg.body().blocks("dynamic").get(0);
    assertThat(dyn.labels()).containsExactly("ingress");
    assertThat(dyn.body().blocks("content")).hasSize(1);
    assertThat(sg.body().attribute("egress").orElseThrow().value()).isInstanceOf(Expr.Tuple.class);
    Block backend = f.body().blocks("terraform").get(0).body().blocks("backend").get(0);
    assertThat(backend.labels()).containsExactly("s3");
  }

  @Test
  void commentKeysAreSkippedInBodies() {
    HclFile f = json("{\"//\": \"top\", \"locals\": {\"//\": \"note\", \"a\": 1}}");
    assertThat(f.body().items()).hasSize(1);
    assertThat(f.body().blocks("locals").get(0).body().attributes())
        .extracting(Attribute::name)
        .containsExactly("a");
  }

  @Test
  void tfvarsJsonKeysAreLiteralAttributes() {
    HclFile f =
        HclJsonParser.parse("prod.tfvars.json", "{\"env\": \"prod-${x}\", \"variable\": 3}");
    assertThat(f.body().attributes())
        .extracting(Attribute::name)
        .containsExactly("env", "variable");
    Expr.TemplateExpr env = (Expr.TemplateExpr) f.body().attribute("env").orElseThrow().value();
    assertThat(env.literalValue()).contains("prod-${x}");
  }

  @Test
  void invalidJsonGivesLocatedError() {
    HclSyntaxException e = jsonError("{\n  \"locals\": {\n    \"a\": 1,\n  }\n}");
    assertThat(e.line()).isEqualTo(4);
    assertThat(e.detail()).startsWith("invalid JSON: ");
    assertThat(e.file()).isEqualTo("main.tf.json");
  }

  @Test
  void rootMustBeAnObject() {
    HclSyntaxException e = jsonError("\n  [1, 2]");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.column()).isEqualTo(3);
    assertThat(e.detail()).isEqualTo("the root of a Terraform JSON file must be an object");
  }

  @Test
  void blockTypeWithWrongShapeGivesLocatedError() {
    HclSyntaxException e = jsonError("{\n\"resource\": {\"aws_s3_bucket\": \"oops\"}}");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.column()).isEqualTo(31);
    assertThat(e.detail())
        .isEqualTo("expected a JSON object whose keys are the labels of block \"resource\"");
  }

  @Test
  void badTemplateInsideStringGivesExactLocation() {
    HclSyntaxException e = jsonError("{\"locals\": {\n  \"a\": \"x ${var.}\"\n}}");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.column()).isEqualTo(17);
    assertThat(e.detail()).isEqualTo("expected an attribute name after '.', found '}'");
  }

  @Test
  void parseBySuffixPicksTheSyntaxFromTheFileName() {
    assertThat(
            HclParser.parseBySuffix("a.tf.json", "{\"locals\": {\"a\": 1}}")
                .body()
                .blocks("locals"))
        .hasSize(1);
    assertThat(HclParser.parseBySuffix("a.tf", "locals {\n  a = 1\n}\n").body().blocks("locals"))
        .hasSize(1);
  }

  @Test
  void emptyDocumentIsAnError() {
    assertThat(jsonError("  ").detail()).isEqualTo("empty JSON document");
  }

  @Test
  void fixtureParsesWithExpectedShape() {
    HclFile f =
        HclJsonParser.parse("terraform_json.tf.json", Hcl.resource("terraform_json.tf.json"));
    Block db = f.body().blocks("resource").get(0);
    assertThat(db.labels()).containsExactly("aws_db_instance", "orders");
    Attribute multiAz = db.body().attribute("multi_az").orElseThrow();
    assertThat(multiAz.line()).isEqualTo(23);
    assertThat(((Expr.TemplateExpr) multiAz.value()).singleInterpolation().orElseThrow().source())
        .isEqualTo("var.multi_az");
    assertThat(db.body().blocks("lifecycle")).hasSize(1);
    assertThat(f.body().blocks("output").get(0).body().attribute("value")).isPresent();
    assertThat(f.body().blocks("variable")).hasSize(2);
  }
}

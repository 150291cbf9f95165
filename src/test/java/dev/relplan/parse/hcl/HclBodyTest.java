package dev.relplan.parse.hcl;

import static dev.relplan.parse.hcl.Hcl.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HclBodyTest {

  private static final String POSITIONS =
      String.join(
          "\n",
          "# header comment",
          "resource \"aws_db_instance\" \"main\" {",
          "  engine   = \"postgres\"",
          "  multi_az = var.multi_az ? true : false",
          "",
          "  lifecycle {",
          "    prevent_destroy = true",
          "  }",
          "}",
          "",
          "\tlocals { a = 1 }",
          "");

  @Test
  void blockPositionsAreExact() {
    Block b = HclParser.parse("infra/db.tf", POSITIONS).body().blocks().get(0);
    assertThat(b.range().file()).isEqualTo("infra/db.tf");
    assertThat(b.line()).isEqualTo(2);
    assertThat(b.column()).isEqualTo(1);
    assertThat(b.endLine()).isEqualTo(9);
    assertThat(b.range().endColumn()).isEqualTo(2);
    assertThat(b.body().range().line()).isEqualTo(2);
    assertThat(b.body().range().column()).isEqualTo(35);
    Block lifecycle = b.body().blocks("lifecycle").get(0);
    assertThat(lifecycle.line()).isEqualTo(6);
    assertThat(lifecycle.column()).isEqualTo(3);
    assertThat(lifecycle.endLine()).isEqualTo(8);
  }

  @Test
  void attributePositionsAreExact() {
    Block b = parse(POSITIONS).body().blocks().get(0);
    Attribute engine = b.body().attribute("engine").orElseThrow();
    assertThat(engine.line()).isEqualTo(3);
    assertThat(engine.column()).isEqualTo(3);
    Attribute multiAz = b.body().attribute("multi_az").orElseThrow();
    assertThat(multiAz.line()).isEqualTo(4);
    assertThat(multiAz.column()).isEqualTo(3);
    assertThat(multiAz.range().endLine()).isEqualTo(4);
    assertThat(multiAz.range().endColumn()).isEqualTo(41);
    Attribute prevent =
        b.body().blocks("lifecycle").get(0).body().attribute("prevent_destroy").orElseThrow();
    assertThat(prevent.line()).isEqualTo(7);
    assertThat(prevent.column()).isEqualTo(5);
  }

  @Test
  void expressionPositionsAreExact() {
    Attribute multiAz =
        parse(POSITIONS).body().blocks().get(0).body().attribute("multi_az").orElseThrow();
    Expr.Conditional c = (Expr.Conditional) multiAz.value();
    assertThat(c.range().line()).isEqualTo(4);
    assertThat(c.range().column()).isEqualTo(14);
    assertThat(c.condition().range().column()).isEqualTo(14);
    assertThat(c.condition().range().endColumn()).isEqualTo(26);
    assertThat(c.falseResult().range().column()).isEqualTo(36);
  }

  @Test
  void tabCountsAsOneColumn() {
    Block locals = parse(POSITIONS).body().blocks("locals").get(0);
    assertThat(locals.line()).isEqualTo(11);
    assertThat(locals.column()).isEqualTo(2);
    assertThat(locals.body().attribute("a").orElseThrow().column()).isEqualTo(11);
  }

  @Test
  void rangesGiveBackTheOriginalText() {
    HclFile f = parse(POSITIONS);
    Attribute multiAz = f.body().blocks().get(0).body().attribute("multi_az").orElseThrow();
    assertThat(f.text(multiAz.range())).isEqualTo("multi_az = var.multi_az ? true : false");
    assertThat(f.text(multiAz.value().range())).isEqualTo("var.multi_az ? true : false");
    assertThat(f.text(f.body().blocks("locals").get(0).range())).isEqualTo("locals { a = 1 }");
  }

  @Test
  void columnsCountCodePointsNotUtf16Units() {
    HclFile g = parse("x = [\"\uD83D\uDE00\", y]\n");
    Expr.Tuple t = (Expr.Tuple) g.body().attribute("x").orElseThrow().value();
    assertThat(t.items().get(1).range().column()).isEqualTo(11);
  }

  @Test
  void itemsKeepSourceOrder() {
    HclFile f = parse("a = 1\nblock {}\nb = 2\nother \"x\" {}\n");
    List<BodyItem> items = f.body().items();
    assertThat(items).hasSize(4);
    assertThat(items.get(0)).isInstanceOf(Attribute.class);
    assertThat(items.get(1)).isInstanceOf(Block.class);
    assertThat(((Attribute) items.get(2)).name()).isEqualTo("b");
    assertThat(((Block) items.get(3)).labels()).containsExactly("x");
  }

  @Test
  void nestedBlocksWithLabels() {
    String src =
        String.join(
            "\n",
            "resource \"aws_security_group\" \"web\" {",
            "  dynamic \"ingress\" {",
            "    for_each = var.rules",
            "    content {",
            "      from_port = ingress.value.port",
            "    }",
            "  }",
            "  provisioner \"local-exec\" {",
            "    command = \"echo hi\"",
            "  }",
            "}",
            "");
    Block sg = parse(src).body().blocks("resource").get(0);
    assertThat(sg.labels()).containsExactly("aws_security_group", "web");
    Block dyn = sg.body().blocks("dynamic").get(0);
    assertThat(dyn.label(0)).isEqualTo("ingress");
    assertThat(dyn.label(1)).isNull();
    Block content = dyn.body().blocks("content").get(0);
    assertThat(content.body().attribute("from_port").orElseThrow().value().source())
        .isEqualTo("ingress.value.port");
    assertThat(sg.body().blocks("provisioner").get(0).labels()).containsExactly("local-exec");
  }

  @Test
  void labelsMayBeBareIdentifiersOrEscapedStrings() {
    HclFile f = parse("resource aws_s3_bucket logs {}\nmodule \"a\\\"b\" {}\n");
    assertThat(f.body().blocks().get(0).labels()).containsExactly("aws_s3_bucket", "logs");
    assertThat(f.body().blocks().get(1).labels()).containsExactly("a\"b");
  }

  @Test
  void emptyAndSingleLineBlocks() {
    HclFile f = parse("variable \"x\" {}\nlifecycle { prevent_destroy = true }\nempty {\n}\n");
    assertThat(f.body().blocks().get(0).body().items()).isEmpty();
    Block single = f.body().blocks("lifecycle").get(0);
    assertThat(single.body().attribute("prevent_destroy").orElseThrow().value().source())
        .isEqualTo("true");
    assertThat(f.body().blocks("empty").get(0).body().items()).isEmpty();
  }

  @Test
  void allCommentKindsAreIgnored() {
    String src =
        String.join(
            "\n",
            "# hash comment",
            "// slash comment",
            "/* block",
            "   comment */",
            "a = 1 # trailing hash",
            "b = 2 // trailing slashes",
            "c = /* inline */ 3",
            "d = [",
            "  1, # inside a tuple",
            "  /* between */ 2,",
            "]",
            "e = {",
            "  k = 1 // inside an object",
            "}",
            "# last line without newline");
    HclFile f = parse(src);
    assertThat(f.body().attributes())
        .extracting(Attribute::name)
        .containsExactly("a", "b", "c", "d", "e");
    assertThat(f.body().attribute("c").orElseThrow().value().source()).isEqualTo("3");
    assertThat(f.body().attribute("d").orElseThrow().value().source()).isEqualTo("[1, 2]");
    assertThat(f.body().attribute("e").orElseThrow().line()).isEqualTo(12);
  }

  @Test
  void newlineEndsAnAttributeButNotInsideBrackets() {
    HclFile f = parse("a = 1\nb = (\n  1 +\n  2\n)\nc = [\n  3\n]\n");
    assertThat(f.body().attributes()).hasSize(3);
    assertThat(f.body().attribute("b").orElseThrow().value().source()).isEqualTo("(1 + 2)");
  }

  @Test
  void windowsLineEndingsAreAccepted() {
    HclFile f = parse("a = 1\r\nblock \"x\" {\r\n  b = \"y\"\r\n}\r\n");
    Attribute b = f.body().blocks().get(0).body().attribute("b").orElseThrow();
    assertThat(b.line()).isEqualTo(3);
    assertThat(b.column()).isEqualTo(3);
    assertThat(((Expr.TemplateExpr) b.value()).literalValue()).contains("y");
  }

  @Test
  void byteOrderMarkIsSkipped() {
    HclFile f = parse("\uFEFFa = 1\n");
    assertThat(f.body().attribute("a")).isPresent();
  }

  @Test
  void emptyFileHasEmptyBody() {
    assertThat(parse("").body().items()).isEmpty();
    assertThat(parse("\n\n# only a comment\n").body().items()).isEmpty();
  }

  @Test
  void duplicateAttributesAreKeptAndFirstIsReturned() {
    HclFile f = parse("a = 1\na = 2\n");
    assertThat(f.body().attributes()).hasSize(2);
    assertThat(f.body().attribute("a").orElseThrow().value().source()).isEqualTo("1");
  }
}

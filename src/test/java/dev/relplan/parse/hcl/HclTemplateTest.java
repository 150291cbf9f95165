package dev.relplan.parse.hcl;

import static dev.relplan.parse.hcl.Hcl.attrValue;
import static dev.relplan.parse.hcl.Hcl.expr;
import static dev.relplan.parse.hcl.Hcl.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.parse.hcl.Expr.TemplateExpr;
import java.util.List;
import org.junit.jupiter.api.Test;

class HclTemplateTest {

  private static TemplateExpr template(String source) {
    return (TemplateExpr) expr(source);
  }

  private static String lit(TemplatePart p) {
    return ((TemplatePart.Literal) p).text();
  }

  /** Renders parts compactly: literals as [text], interpolations as ${expr}. */
  private static String render(List<TemplatePart> parts) {
    StringBuilder sb = new StringBuilder();
    for (TemplatePart p : parts) {
      if (p instanceof TemplatePart.Literal l) {
        sb.append('[').append(l.text()).append(']');
      } else if (p instanceof TemplatePart.Interpolation i) {
        sb.append("${").append(i.expr().source()).append('}');
      } else if (p instanceof TemplatePart.If f) {
        sb.append("IF(")
            .append(f.condition().source())
            .append(")")
            .append(render(f.then()))
            .append("ELSE")
            .append(render(f.otherwise()))
            .append("ENDIF");
      } else if (p instanceof TemplatePart.For f) {
        sb.append("FOR(")
            .append(f.valueVar())
            .append(")")
            .append(render(f.body()))
            .append("ENDFOR");
      }
    }
    return sb.toString();
  }

  @Test
  void quotedStringEscapesAreDecoded() {
    TemplateExpr t = template("\"a\\nb\\tc \\\"q\\\" \\\\ \\u00e9 \\U0001F600 \\r\"");
    assertThat(t.literalValue()).contains("a\nb\tc \"q\" \\ \u00e9 \uD83D\uDE00 \r");
  }

  @Test
  void doubledDollarAndPercentBeforeBraceAreLiteral() {
    TemplateExpr t = template("\"$${not_interp} %%{not_directive} $5 100%\"");
    assertThat(t.literalValue()).contains("${not_interp} %{not_directive} $5 100%");
  }

  @Test
  void emptyStringHasNoParts() {
    assertThat(template("\"\"").parts()).isEmpty();
    assertThat(template("\"\"").literalValue()).contains("");
  }

  @Test
  void interpolationsAndLiteralsAlternateInOrder() {
    TemplateExpr t = template("\"${var.name}-web-${count.index}\"");
    assertThat(render(t.parts())).isEqualTo("${var.name}[-web-]${count.index}");
    assertThat(t.literalValue()).isEmpty();
  }

  @Test
  void singleInterpolationIsRecognised() {
    assertThat(template("\"${var.enabled}\"").singleInterpolation().orElseThrow().source())
        .isEqualTo("var.enabled");
    assertThat(template("\"x${var.enabled}\"").singleInterpolation()).isEmpty();
  }

  @Test
  void interpolationMayContainStringsAndSpanLines() {
    Expr e = attrValue("\"${join(\",\", [\n  for s in var.names : \"${s}-x\"\n])}\"");
    TemplateExpr t = (TemplateExpr) e;
    Expr.FunctionCall join = (Expr.FunctionCall) t.singleInterpolation().orElseThrow();
    assertThat(join.args().get(1)).isInstanceOf(Expr.ForTuple.class);
  }

  @Test
  void ifElseEndifDirectiveBuildsBranches() {
    TemplateExpr t = template("\"env=%{ if var.prod }production%{ else }staging%{ endif }!\"");
    assertThat(render(t.parts())).isEqualTo("[env=]IF(var.prod)[production]ELSE[staging]ENDIF[!]");
    TemplatePart.If f = (TemplatePart.If) t.parts().get(1);
    assertThat(f.hasElse()).isTrue();
  }

  @Test
  void ifWithoutElseHasEmptyOtherwise() {
    TemplatePart.If f = (TemplatePart.If) template("\"%{if a}x%{endif}\"").parts().get(0);
    assertThat(f.hasElse()).isFalse();
    assertThat(f.otherwise()).isEmpty();
  }

  @Test
  void forDirectiveWithKeyAndValue() {
    TemplateExpr t = template("\"%{ for k, v in var.tags }${k}=${v};%{ endfor }\"");
    TemplatePart.For f = (TemplatePart.For) t.parts().get(0);
    assertThat(f.keyVar()).isEqualTo("k");
    assertThat(f.valueVar()).isEqualTo("v");
    assertThat(f.collection().source()).isEqualTo("var.tags");
    assertThat(render(f.body())).isEqualTo("${k}[=]${v}[;]");
  }

  @Test
  void directivesNest() {
    TemplateExpr t = template("\"%{for x in xs}%{if x > 1}${x}%{endif}%{endfor}\"");
    assertThat(render(t.parts())).isEqualTo("FOR(x)IF(x > 1)${x}ELSEENDIFENDFOR");
  }

  @Test
  void stripMarkersTrimWhitespaceOfNeighbouringLiterals() {
    TemplateExpr t = template("\"a \\n ${~ var.x ~} \\t b\"");
    assertThat(render(t.parts())).isEqualTo("[a]${var.x}[b]");
    TemplatePart.Interpolation i = (TemplatePart.Interpolation) t.parts().get(1);
    assertThat(i.stripLeft()).isTrue();
    assertThat(i.stripRight()).isTrue();
    assertThat(t.source()).isEqualTo("\"a${~var.x~}b\"");
  }

  @Test
  void stripMarkersOnDirectivesRemoveTheirLineBreaks() {
    String src = "x = <<EOT\n%{ for s in var.servers ~}\nserver ${s}\n%{ endfor ~}\nEOT\n";
    TemplateExpr t = (TemplateExpr) parse(src).body().attribute("x").orElseThrow().value();
    assertThat(render(t.parts())).isEqualTo("FOR(s)[server ]${s}[\n]ENDFOR");
  }

  @Test
  void heredocKeepsTextAndTrailingNewline() {
    String src = "policy = <<EOT\n  {\n    \"a\": 1\n  }\nEOT\n";
    TemplateExpr t = (TemplateExpr) parse(src).body().attribute("policy").orElseThrow().value();
    assertThat(t.heredoc()).isTrue();
    assertThat(t.literalValue()).contains("  {\n    \"a\": 1\n  }\n");
  }

  @Test
  void heredocHasNoBackslashEscapesButHasInterpolation() {
    String src = "s = <<EOT\nC:\\dir\\${var.file} $${x}\nEOT\n";
    TemplateExpr t = (TemplateExpr) parse(src).body().attribute("s").orElseThrow().value();
    assertThat(render(t.parts())).isEqualTo("[C:\\dir\\]${var.file}[ ${x}\n]");
  }

  @Test
  void indentedHeredocStripsTheCommonIndentation() {
    String src = "x = <<-EOT\n      first\n        second\n\n      third\n    EOT\n";
    TemplateExpr t = (TemplateExpr) parse(src).body().attribute("x").orElseThrow().value();
    assertThat(t.literalValue()).contains("first\n  second\n\nthird\n");
  }

  @Test
  void indentedHeredocIgnoresWhitespaceOnlyLinesWhenMeasuring() {
    String src = "x = <<-EOT\n    a\n  \n    b\n  EOT\n";
    TemplateExpr t = (TemplateExpr) parse(src).body().attribute("x").orElseThrow().value();
    assertThat(t.literalValue()).contains("a\n  \nb\n");
  }

  @Test
  void indentedHeredocStripsBeforeInterpolationsInsideLines() {
    String src = "x = <<-EOT\n    name: ${var.name}\n      tier: ${var.tier}\n    EOT\n";
    TemplateExpr t = (TemplateExpr) parse(src).body().attribute("x").orElseThrow().value();
    assertThat(render(t.parts())).isEqualTo("[name: ]${var.name}[\n  tier: ]${var.tier}[\n]");
  }

  @Test
  void indentedHeredocLineStartingWithInterpolationDisablesStripping() {
    // As in Terraform: a line that begins with ${...} has indentation 0.
    String src = "x = <<-EOT\n    a\n${var.b}\n    EOT\n";
    TemplateExpr t = (TemplateExpr) parse(src).body().attribute("x").orElseThrow().value();
    assertThat(render(t.parts())).isEqualTo("[    a\n]${var.b}[\n]");
  }

  @Test
  void plainHeredocDoesNotStripIndentation() {
    String src = "x = <<EOT\n    a\n    EOT\n";
    TemplateExpr t = (TemplateExpr) parse(src).body().attribute("x").orElseThrow().value();
    assertThat(t.literalValue()).contains("    a\n");
  }

  @Test
  void heredocMarkerCanBeAnyIdentifierAndClosingMayBeIndented() {
    String src = "x = <<-POLICY\n  {}\n  POLICY\ny = 1\n";
    HclFile f = parse(src);
    assertThat(((TemplateExpr) f.body().attribute("x").orElseThrow().value()).literalValue())
        .contains("{}\n");
    assertThat(f.body().attribute("y")).isPresent();
  }

  @Test
  void heredocInsideFunctionCallArguments() {
    String src = "x = jsonencode(<<EOT\n{}\nEOT\n)\n";
    Expr.FunctionCall f =
        (Expr.FunctionCall) parse(src).body().attribute("x").orElseThrow().value();
    assertThat(((TemplateExpr) f.args().get(0)).literalValue()).contains("{}\n");
  }

  @Test
  void indentedHeredocWithTrailingStripDirectivesMatchesTerraform() {
    // Terraform applies ~ to the adjacent per-line literal before removing indentation, so the
    // line after "%{ if ... ~}" is not treated as a line start and keeps its indentation.
    HclFile f = HclParser.parse("rds_module.tf", Hcl.resource("rds_module.tf"));
    Block alarm =
        f.body().blocks("resource").stream()
            .filter(b -> b.labels().get(0).equals("aws_cloudwatch_metric_alarm"))
            .findFirst()
            .orElseThrow();
    TemplateExpr t =
        (TemplateExpr) alarm.body().attribute("alarm_description").orElseThrow().value();
    assertThat(render(t.parts()))
        .isEqualTo(
            "[CPU on ]${each.value.identifier}"
                + "[ stayed above 80% for 15 minutes.\n]IF(local.is_production)"
                + "[    This is a production database: page the on-call engineer.\n]ELSEENDIF");
  }
}

package dev.relplan.parse.hcl;

import static dev.relplan.parse.hcl.Hcl.attrValue;
import static dev.relplan.parse.hcl.Hcl.expr;
import static dev.relplan.parse.hcl.Hcl.shape;
import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.parse.hcl.Expr.BinaryOp;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class HclExpressionTest {

  @Test
  void multiplicationBindsTighterThanAddition() {
    Expr e = expr("1 + 2 * 3");
    assertThat(e).isInstanceOf(Expr.Binary.class);
    Expr.Binary add = (Expr.Binary) e;
    assertThat(add.op()).isEqualTo(BinaryOp.ADD);
    assertThat(add.right()).isInstanceOf(Expr.Binary.class);
    assertThat(((Expr.Binary) add.right()).op()).isEqualTo(BinaryOp.MULTIPLY);
  }

  @Test
  void precedenceLadderFromOrDownToMultiply() {
    assertThat(shape(expr("a || b && c == d < e + f * g")))
        .isEqualTo("(a || (b && (c == (d < (e + (f * g))))))");
    assertThat(shape(expr("a * b + c < d == e && f || g")))
        .isEqualTo("((((((a * b) + c) < d) == e) && f) || g)");
  }

  @Test
  void operatorsOfTheSameLevelAreLeftAssociative() {
    assertThat(shape(expr("a - b - c"))).isEqualTo("((a - b) - c)");
    assertThat(shape(expr("a / b * c % d"))).isEqualTo("(((a / b) * c) % d)");
    assertThat(shape(expr("a == b != c"))).isEqualTo("((a == b) != c)");
  }

  @Test
  void comparisonBindsTighterThanEquality() {
    assertThat(shape(expr("a < b == c >= d"))).isEqualTo("((a < b) == (c >= d))");
  }

  @Test
  void unaryOperatorsBindTighterThanBinary() {
    assertThat(shape(expr("!a && b"))).isEqualTo("((!a) && b)");
    assertThat(shape(expr("-x * 2"))).isEqualTo("((-x) * 2)");
    assertThat(shape(expr("!!var.enabled"))).isEqualTo("(!(!var.enabled))");
  }

  @Test
  void minusBeforeANumberLiteralIsFoldedIntoTheLiteral() {
    Expr e = expr("-1.5");
    assertThat(e).isInstanceOf(Expr.NumberLit.class);
    assertThat(((Expr.NumberLit) e).value()).isEqualByComparingTo("-1.5");
    assertThat(shape(expr("2 - -1"))).isEqualTo("(2 - -1)");
  }

  @Test
  void parenthesesOverridePrecedenceAndAreKept() {
    assertThat(shape(expr("(1 + 2) * 3"))).isEqualTo("([(1 + 2)] * 3)");
    assertThat(expr("(1 + 2) * 3").source()).isEqualTo("(1 + 2) * 3");
  }

  @Test
  void conditionalHasLowestPrecedenceAndNestsToTheRight() {
    assertThat(shape(expr("a || b ? 1 : 0"))).isEqualTo("((a || b) ? 1 : 0)");
    assertThat(shape(expr("a ? b : c ? d : e"))).isEqualTo("(a ? b : (c ? d : e))");
    assertThat(shape(expr("a ? b ? 1 : 2 : 3"))).isEqualTo("(a ? (b ? 1 : 2) : 3)");
  }

  @Test
  void conditionalAttributeKeepsItsParts() {
    Expr e = attrValue("var.multi_az ? 2 : 1");
    assertThat(e).isInstanceOf(Expr.Conditional.class);
    Expr.Conditional c = (Expr.Conditional) e;
    assertThat(c.condition().source()).isEqualTo("var.multi_az");
    assertThat(c.trueResult())
        .isEqualTo(new Expr.NumberLit(BigDecimal.valueOf(2), c.trueResult().range()));
    assertThat(e.source()).isEqualTo("var.multi_az ? 2 : 1");
  }

  @Test
  void keywordsAndNumbersAreLiterals() {
    assertThat(expr("true")).isInstanceOf(Expr.BoolLit.class);
    assertThat(((Expr.BoolLit) expr("false")).value()).isFalse();
    assertThat(expr("null")).isInstanceOf(Expr.NullLit.class);
    assertThat(((Expr.NumberLit) expr("1.5e3")).value()).isEqualByComparingTo("1500");
    assertThat(((Expr.NumberLit) expr("42")).value()).isEqualTo(new BigDecimal("42"));
  }

  @Test
  void scopeTraversalsKeepRootAndAttributeSteps() {
    Expr.ScopeTraversal t = (Expr.ScopeTraversal) expr("aws_s3_bucket.logs.arn");
    assertThat(t.root()).isEqualTo("aws_s3_bucket");
    assertThat(t.attributeNames()).containsExactly("logs", "arn");
    assertThat(((Expr.ScopeTraversal) expr("module.network.vpc_id")).root()).isEqualTo("module");
    assertThat(((Expr.ScopeTraversal) expr("each.key")).attributeNames()).containsExactly("key");
    assertThat(((Expr.ScopeTraversal) expr("count.index")).root()).isEqualTo("count");
    assertThat(((Expr.ScopeTraversal) expr("local.name")).path()).isEqualTo("local.name");
  }

  @Test
  void literalIndexesStayInsideTheTraversal() {
    Expr.ScopeTraversal t = (Expr.ScopeTraversal) expr("var.subnets[0].id");
    assertThat(t.steps()).hasSize(3);
    assertThat(t.steps().get(1)).isInstanceOf(Traverser.IndexStep.class);
    assertThat(t.path()).isEqualTo("var.subnets[0].id");
    Expr.ScopeTraversal s = (Expr.ScopeTraversal) expr("each.value[\"name\"]");
    assertThat(s.path()).isEqualTo("each.value[\"name\"]");
  }

  @Test
  void legacyDotNumberIndexIsAnIndexStep() {
    Expr.ScopeTraversal t = (Expr.ScopeTraversal) expr("aws_instance.web.0.id");
    assertThat(t.path()).isEqualTo("aws_instance.web[0].id");
    assertThat(((Expr.ScopeTraversal) expr("a.0.1")).path()).isEqualTo("a[0][1]");
  }

  @Test
  void nonLiteralIndexWrapsTheTraversalInIndexAndGetAttr() {
    Expr e = expr("random_password.master[each.key].result");
    assertThat(e).isInstanceOf(Expr.GetAttr.class);
    Expr.GetAttr g = (Expr.GetAttr) e;
    assertThat(g.name()).isEqualTo("result");
    Expr.Index idx = (Expr.Index) g.object();
    assertThat(idx.collection().source()).isEqualTo("random_password.master");
    assertThat(idx.key().source()).isEqualTo("each.key");
    assertThat(e.source()).isEqualTo("random_password.master[each.key].result");
  }

  @Test
  void attributeAndIndexApplyToArbitraryExpressions() {
    Expr e = expr("lookup(var.m, \"a\").b[1]");
    assertThat(e).isInstanceOf(Expr.Index.class);
    assertThat(((Expr.Index) e).collection()).isInstanceOf(Expr.GetAttr.class);
    assertThat(expr("(var.x).y")).isInstanceOf(Expr.GetAttr.class);
  }

  @Test
  void attributeOnlySplatCollectsFollowingAttributes() {
    Expr.Splat s = (Expr.Splat) expr("aws_instance.web.*.private_ip");
    assertThat(s.full()).isFalse();
    assertThat(s.target().source()).isEqualTo("aws_instance.web");
    assertThat(s.each())
        .extracting(t -> ((Traverser.AttrStep) t).name())
        .containsExactly("private_ip");
  }

  @Test
  void fullSplatCollectsAttributeAndIndexSteps() {
    Expr.Splat s = (Expr.Splat) expr("var.instances[*].tags[\"Name\"]");
    assertThat(s.full()).isTrue();
    assertThat(s.target().source()).isEqualTo("var.instances");
    assertThat(s.each()).hasSize(2);
    assertThat(s.source()).isEqualTo("var.instances[*].tags[\"Name\"]");
  }

  @Test
  void indexAfterAttributeOnlySplatAppliesToTheWholeResult() {
    Expr e = expr("aws_subnet.a.*.id[0]");
    assertThat(e).isInstanceOf(Expr.Index.class);
    assertThat(((Expr.Index) e).collection()).isInstanceOf(Expr.Splat.class);
  }

  @Test
  void secondSplatWrapsTheFirst() {
    Expr.Splat outer = (Expr.Splat) expr("var.a[*].b[*].c");
    assertThat(outer.target()).isInstanceOf(Expr.Splat.class);
    assertThat(outer.source()).isEqualTo("var.a[*].b[*].c");
  }

  @Test
  void functionCallsTakeArgumentsAndFinalExpansion() {
    Expr.FunctionCall f = (Expr.FunctionCall) expr("merge(var.tags, { Name = \"x\" },)");
    assertThat(f.name()).isEqualTo("merge");
    assertThat(f.args()).hasSize(2);
    assertThat(f.expandFinal()).isFalse();
    Expr.FunctionCall g = (Expr.FunctionCall) expr("max(var.sizes...)");
    assertThat(g.expandFinal()).isTrue();
    assertThat(g.source()).isEqualTo("max(var.sizes...)");
    assertThat(((Expr.FunctionCall) expr("timestamp()")).args()).isEmpty();
  }

  @Test
  void namespacedProviderFunctionsAreAccepted() {
    Expr e = expr("provider::aws::arn_parse(var.arn).region");
    Expr.FunctionCall f = (Expr.FunctionCall) ((Expr.GetAttr) e).object();
    assertThat(f.name()).isEqualTo("provider::aws::arn_parse");
  }

  @Test
  void argumentsMaySpanLines() {
    Expr e = attrValue("concat(\n  var.a,\n  [\n    \"b\",\n  ]\n)");
    assertThat(e.source()).isEqualTo("concat(var.a, [\"b\"])");
  }

  @Test
  void tuplesAllowTrailingCommaAndNewlines() {
    Expr.Tuple t = (Expr.Tuple) attrValue("[\n  1,\n  \"two\",\n  true,\n  null,\n]");
    assertThat(t.items()).hasSize(4);
    assertThat(((Expr.Tuple) expr("[]")).items()).isEmpty();
  }

  @Test
  void objectKeysMayBeIdentifiersStringsOrParenthesized() {
    Expr.ObjectCons o = (Expr.ObjectCons) expr("{ a = 1, \"b-c\" = 2, (var.k) = 3, d: 4 }");
    assertThat(o.items()).hasSize(4);
    assertThat(o.items().get(0).literalKey()).contains("a");
    assertThat(o.items().get(1).literalKey()).contains("b-c");
    assertThat(o.items().get(2).key()).isInstanceOf(Expr.Parens.class);
    assertThat(o.items().get(2).literalKey()).isEmpty();
    assertThat(o.items().get(3).literalKey()).contains("d");
    assertThat(o.get("d").orElseThrow().source()).isEqualTo("4");
  }

  @Test
  void objectItemsOnSeparateLinesNeedNoCommas() {
    Expr.ObjectCons o =
        (Expr.ObjectCons)
            attrValue("{\n  Name = var.name\n  Env  = \"prod\",\n\n  Team = local.team\n}");
    assertThat(o.items())
        .extracting(i -> i.literalKey().orElseThrow())
        .containsExactly("Name", "Env", "Team");
  }

  @Test
  void forTupleWithKeyVariableAndCondition() {
    Expr.ForTuple f = (Expr.ForTuple) expr("[for i, s in var.subnets : s.id if s.public]");
    assertThat(f.keyVar()).isEqualTo("i");
    assertThat(f.valueVar()).isEqualTo("s");
    assertThat(f.collection().source()).isEqualTo("var.subnets");
    assertThat(f.value().source()).isEqualTo("s.id");
    assertThat(f.condition().source()).isEqualTo("s.public");
  }

  @Test
  void forTupleWithoutKeyOrCondition() {
    Expr.ForTuple f = (Expr.ForTuple) expr("[for s in var.names : upper(s)]");
    assertThat(f.keyVar()).isNull();
    assertThat(f.condition()).isNull();
  }

  @Test
  void forObjectWithKeyAndValue() {
    Expr.ForObject f =
        (Expr.ForObject) attrValue("{\n  for k, v in var.buckets : k => v.arn\n  if v.enabled\n}");
    assertThat(f.keyVar()).isEqualTo("k");
    assertThat(f.key().source()).isEqualTo("k");
    assertThat(f.value().source()).isEqualTo("v.arn");
    assertThat(f.grouping()).isFalse();
    assertThat(f.condition().source()).isEqualTo("v.enabled");
  }

  @Test
  void forObjectGroupingModeWithEllipsis() {
    Expr.ForObject f = (Expr.ForObject) expr("{for u in var.users : u.role => u.name...}");
    assertThat(f.keyVar()).isNull();
    assertThat(f.grouping()).isTrue();
    assertThat(f.source()).isEqualTo("{for u in var.users : u.role => u.name...}");
  }

  @Test
  void forKeywordIsOnlySpecialBeforeAVariable() {
    Expr.ObjectCons o = (Expr.ObjectCons) expr("{ for = 1 }");
    assertThat(o.items().get(0).literalKey()).contains("for");
  }

  @Test
  void identifiersMayContainDashes() {
    Expr.ScopeTraversal t = (Expr.ScopeTraversal) expr("module.my-network.vpc_id");
    assertThat(t.attributeNames()).containsExactly("my-network", "vpc_id");
    assertThat(shape(expr("a - b"))).isEqualTo("(a - b)");
  }

  @Test
  void traversalsListsEveryReference() {
    Expr e = expr("var.on ? \"${local.prefix}-${aws_s3_bucket.b.id}\" : module.m.out[0]");
    assertThat(Exprs.traversals(e))
        .extracting(Expr.ScopeTraversal::path)
        .containsExactly("var.on", "local.prefix", "aws_s3_bucket.b.id", "module.m.out[0]");
  }

  @Test
  void printerProducesCanonicalSingleLineText() {
    assertThat(attrValue("merge(\n  var.tags,\n  {\n    Name = \"x\"\n  }\n)").source())
        .isEqualTo("merge(var.tags, { Name = \"x\" })");
    assertThat(expr("[ for x in   var.l :x ]").source()).isEqualTo("[for x in var.l : x]");
    assertThat(expr("\"a\\\"b ${var.x} $${lit}\"").source())
        .isEqualTo("\"a\\\"b ${var.x} $${lit}\"");
  }

  @Test
  void printedExpressionsParseBackToTheSameText() {
    String[] samples = {
      "a ? b : c",
      "!(a && b) || c",
      "-(1 + 2) * 3",
      "f(a, [1, 2], { k = v }...)",
      "{for k, v in m : k => v... if v != null}",
      "\"%{ if a }x%{ else }y%{ endif }\"",
      "x[*].y[\"z\"]",
      "x.*.y",
      "try(a.b[0], null)"
    };
    for (String s : samples) {
      String printed = expr(s).source();
      assertThat(expr(printed).source()).as(s).isEqualTo(printed);
    }
  }
}

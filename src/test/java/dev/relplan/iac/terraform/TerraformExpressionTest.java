package dev.relplan.iac.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.model.ResourceRef;
import dev.relplan.model.Unknown;
import dev.relplan.parse.hcl.HclParser;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The evaluator on single expressions: operators, templates, for-expressions, splats and built-in
 * functions.
 */
class TerraformExpressionTest {
  private static Object eval(String expr) throws Exception {
    ModuleDir dir = new ModuleDir(Path.of("/nowhere"), "");
    dir.add(
        HclParser.parse(
            "main.tf",
            """
        resource "aws_sqs_queue" "dlq" {
          name = "dlq"
        }
        resource "aws_subnet" "private" {
          count = 2
        }
        resource "aws_subnet" "named" {
          for_each = { a = 1, b = 2 }
        }
        locals {
          zones = ["a", "b", "c"]
        }
        """));
    Session s = new Session(Map.of());
    ModuleInstance m = new ModuleInstance(s, dir, ".", "", List.of(), 0, Map.of(), Map.of());
    return Attrs.normalize(m.eval(HclParser.parseExpression("test", expr), Env.EMPTY).value(), 0);
  }

  private static BigDecimal n(int i) {
    return BigDecimal.valueOf(i);
  }

  @Test
  void operatorsAndConditionals() throws Exception {
    assertThat(eval("1 + 2 * 3")).isEqualTo(n(7));
    assertThat(eval("10 % 4 == 2 && !false")).isEqualTo(true);
    assertThat(eval("\"a\" != \"b\" ? \"yes\" : \"no\"")).isEqualTo("yes");
    assertThat(eval("5 >= 5 || 1 / 0 > 1")).isEqualTo(true);
  }

  @Test
  void templatesWithDirectives() throws Exception {
    assertThat(eval("\"zone-${local.zones[1]}-${2 + 1}\"")).isEqualTo("zone-b-3");
    assertThat(eval("\"%{for z in local.zones}${z};%{endfor}\"")).isEqualTo("a;b;c;");
    assertThat(eval("\"%{if length(local.zones) > 2}many%{else}few%{endif}\"")).isEqualTo("many");
  }

  @Test
  void forExpressionsAndSplats() throws Exception {
    assertThat(eval("[for z in local.zones : upper(z) if z != \"b\"]"))
        .isEqualTo(List.of("A", "C"));
    assertThat(eval("{for i, z in local.zones : z => i}"))
        .isEqualTo(Map.of("a", n(0), "b", n(1), "c", n(2)));
    assertThat(eval("{for z in [\"x\", \"y\", \"x\"] : z => z...}"))
        .isEqualTo(Map.of("x", List.of("x", "x"), "y", List.of("y")));
    assertThat(eval("aws_subnet.private[*].id"))
        .isEqualTo(
            List.of(
                new ResourceRef(".", "aws_subnet.private[0]", "id"),
                new ResourceRef(".", "aws_subnet.private[1]", "id")));
    assertThat(eval("aws_subnet.named[\"b\"].arn"))
        .isEqualTo(new ResourceRef(".", "aws_subnet.named[\"b\"]", "arn"));
    assertThat(eval("[for k, s in aws_subnet.named : s.id]")).asList().hasSize(2);
  }

  @Test
  void collectionFunctions() throws Exception {
    assertThat(eval("lookup({a = 1}, \"b\", 7)")).isEqualTo(n(7));
    assertThat(eval("merge({a = 1, b = 2}, {b = 3})")).isEqualTo(Map.of("a", n(1), "b", n(3)));
    assertThat(eval("concat([1], [2, 3])")).isEqualTo(List.of(n(1), n(2), n(3)));
    assertThat(eval("length(local.zones)")).isEqualTo(n(3));
    assertThat(eval("element(local.zones, 4)")).isEqualTo("b");
    assertThat(eval("try(local.zones[9], \"none\")")).isEqualTo("none");
    assertThat(eval("can(local.zones[9])")).isEqualTo(false);
    assertThat(eval("coalesce(\"\", null, \"x\")")).isEqualTo("x");
    assertThat(eval("coalescelist([], [1])")).isEqualTo(List.of(n(1)));
    assertThat(eval("toset([\"b\", \"a\", \"b\"])")).isEqualTo(List.of("a", "b"));
    assertThat(eval("contains(local.zones, \"c\")")).isEqualTo(true);
    assertThat(eval("keys({b = 1, a = 2})")).isEqualTo(List.of("a", "b"));
    assertThat(eval("values({b = 1, a = 2})")).isEqualTo(List.of(n(2), n(1)));
    assertThat(eval("zipmap([\"a\", \"b\"], [1, 2])")).isEqualTo(Map.of("a", n(1), "b", n(2)));
    assertThat(eval("range(3)")).isEqualTo(List.of(n(0), n(1), n(2)));
    assertThat(eval("slice(local.zones, 1, 3)")).isEqualTo(List.of("b", "c"));
    assertThat(eval("distinct([1, 1, 2])")).isEqualTo(List.of(n(1), n(2)));
    assertThat(eval("flatten([[1], [[2]], 3])")).isEqualTo(List.of(n(1), n(2), n(3)));
    assertThat(eval("compact([\"a\", \"\", null])")).isEqualTo(List.of("a"));
    assertThat(eval("min(3, 1, 2) + max(3, 1, 2)")).isEqualTo(n(4));
    assertThat(eval("tolist(toset([\"a\"]))")).isEqualTo(List.of("a"));
    assertThat(eval("tomap({a = 1})")).isEqualTo(Map.of("a", n(1)));
  }

  @Test
  void stringAndConversionFunctions() throws Exception {
    assertThat(eval("format(\"%s-%03d\", \"web\", 7)")).isEqualTo("web-007");
    assertThat(eval("join(\",\", split(\"/\", \"a/b/c\"))")).isEqualTo("a,b,c");
    assertThat(eval("replace(lower(\"A-B\"), \"-\", \"_\")")).isEqualTo("a_b");
    assertThat(eval("upper(\"x\")")).isEqualTo("X");
    assertThat(eval("startswith(\"arn:aws:sqs\", \"arn:\") && endswith(\"x.fifo\", \".fifo\")"))
        .isEqualTo(true);
    assertThat(eval("tostring(5)")).isEqualTo("5");
    assertThat(eval("tonumber(\"42\")")).isEqualTo(new BigDecimal("42"));
    assertThat(eval("tobool(\"true\")")).isEqualTo(true);
    assertThat(eval("cidrsubnet(\"10.0.0.0/16\", 8, 3)")).isEqualTo("10.0.3.0/24");
    assertThat(eval("cidrsubnet(\"10.1.0.0/16\", 4, 15)")).isEqualTo("10.1.240.0/20");
    assertThat(eval("jsonencode({b = [1, true], a = \"x\"})"))
        .isEqualTo("{\"a\":\"x\",\"b\":[1,true]}");
    assertThat(eval("jsondecode(\"{\\\"maxReceiveCount\\\": 5}\").maxReceiveCount"))
        .isEqualTo(n(5));
  }

  @Test
  void regularExpressionAndNetworkFunctions() throws Exception {
    assertThat(eval("length(regexall(\"^[a-z]{2}-\", \"eu-west-1a\")) > 0")).isEqualTo(true);
    assertThat(eval("length(regexall(\"^[a-z]{2}-\", \"euw1-az1\"))")).isEqualTo(n(0));
    assertThat(eval("regex(\"^(\\\\w+)-(\\\\d+)$\", \"web-42\")")).isEqualTo(List.of("web", "42"));
    assertThat(eval("cidrsubnets(\"10.0.0.0/16\", 8, 8, 4)"))
        .isEqualTo(List.of("10.0.0.0/24", "10.0.1.0/24", "10.0.16.0/20"));
    assertThat(eval("cidrhost(\"10.0.1.0/24\", 5)")).isEqualTo("10.0.1.5");
    assertThat(eval("basename(\"a/b/c.zip\")")).isEqualTo("c.zip");
    assertThat(eval("sum([1, 2, 3])")).isEqualTo(n(6));
    assertThat(eval("regexall(\"(a+)+$\", \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab\")"))
        .satisfiesAnyOf(
            v -> assertThat(v).isEqualTo(List.of()),
            v -> assertThat(v).isInstanceOf(Unknown.class));
  }

  @Test
  void jsonencodeKeepsReferencesInItsStructure() throws Exception {
    Object v =
        eval("jsonencode({ deadLetterTargetArn = aws_sqs_queue.dlq.arn, maxReceiveCount = 4 })");
    assertThat(v)
        .isEqualTo(
            Map.of(
                "deadLetterTargetArn",
                new ResourceRef(".", "aws_sqs_queue.dlq", "arn"),
                "maxReceiveCount",
                n(4)));
  }

  @Test
  void unknownsPropagateWithAReason() throws Exception {
    assertThat(eval("upper(aws_sqs_queue.dlq.name)")).isInstanceOf(Unknown.class);
    assertThat(eval("data.aws_region.current.name == \"eu-west-1\" ? 1 : 2"))
        .isInstanceOfSatisfying(
            Unknown.class, u -> assertThat(u.reason()).contains("data.aws_region.current"));
    assertThat(eval("timestamp()"))
        .isInstanceOfSatisfying(Unknown.class, u -> assertThat(u.reason()).contains("timestamp"));
    assertThat(eval("\"arn:${aws_sqs_queue.dlq.arn}\"")).isInstanceOf(Unknown.class);
    assertThat(eval("var.missing")).isInstanceOf(Unknown.class);
    // the length of a slice is known even when the list comes from the cloud
    assertThat(eval("length(slice(data.aws_availability_zones.all.names, 0, 3))")).isEqualTo(n(3));
  }

  @Test
  void hostileExpressionsStayBounded() throws Exception {
    assertThat(eval("[for a in range(1000) : [for b in range(1000) : [for c in range(1000) : c]]]"))
        .isInstanceOf(Unknown.class);
    assertThat(eval("format(\"%999999999d\", 1)")).isInstanceOf(Unknown.class);
    assertThat(eval("range(0, 100000000)")).isInstanceOf(Unknown.class);
  }

  @Test
  void formatlistFormatsOncePerIndexOfTheListArguments() throws Exception {
    assertThat(eval("formatlist(\"Hello, %s!\", [\"Ana\", \"Sam\"])"))
        .isEqualTo(List.of("Hello, Ana!", "Hello, Sam!"));
    assertThat(eval("formatlist(\"%s, %s!\", \"Hi\", [\"Ana\", \"Sam\"])"))
        .isEqualTo(List.of("Hi, Ana!", "Hi, Sam!"));
    assertThat(eval("formatlist(\"%s-%d\", \"web\", 7)")).isEqualTo(List.of("web-7"));
  }

  @Test
  void formatlistOfListsOfDifferentLengthsIsNotEvaluated() throws Exception {
    assertThat(eval("formatlist(\"%s-%s\", [\"a\", \"b\"], [\"x\"])")).isInstanceOf(Unknown.class);
  }

  @Test
  void formatlistRefusesAHugeResultBeforeBuildingIt() throws Exception {
    // a 10,000-character spec for each of 200 elements: 2 million characters in all
    assertThat(eval("formatlist(join(\"\", [for i in range(1000) : \"xxxxxxxxxx\"]), range(200))"))
        .isInstanceOf(Unknown.class);
    // widths make each string long only as it is built
    assertThat(eval("formatlist(\"%9999s\", [for i in range(1000) : \"x\"])"))
        .isInstanceOf(Unknown.class);
  }

  @Test
  void strrevReversesCharactersKeepingCombiningMarksWithTheirLetter() throws Exception {
    assertThat(eval("strrev(\"hello\")")).isEqualTo("olleh");
    assertThat(eval("strrev(\"a \u2603\")")).isEqualTo("\u2603 a");
    assertThat(eval("strrev(\"man\u0303ana\")")).isEqualTo("anan\u0303am");
  }
}

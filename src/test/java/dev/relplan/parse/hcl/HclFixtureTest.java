package dev.relplan.parse.hcl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Parses the realistic fixtures under src/test/resources/hcl and checks what a rule would use. */
class HclFixtureTest {

  private static HclFile fixture(String name) {
    return HclParser.parse("fixtures/" + name, Hcl.resource(name));
  }

  private static Block resource(HclFile f, String type, String name) {
    return f.body().blocks("resource").stream()
        .filter(b -> b.labels().equals(List.of(type, name)))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void vpcModuleHasItsVariablesResourcesAndOutputs() {
    HclFile f = fixture("vpc_module.tf");
    assertThat(f.body().blocks("variable"))
        .extracting(b -> b.label(0))
        .containsExactly("name", "cidr", "azs", "single_nat_gateway", "tags");
    assertThat(f.body().blocks("resource")).hasSize(7);
    assertThat(f.body().blocks("output")).hasSize(3);
    Block validation = f.body().blocks("variable").get(1).body().blocks("validation").get(0);
    assertThat(validation.body().attribute("condition").orElseThrow().value().source())
        .isEqualTo("can(cidrhost(var.cidr, 0))");
  }

  @Test
  void vpcModuleNatGatewayCountAndDependencies() {
    HclFile f = fixture("vpc_module.tf");
    Block nat = resource(f, "aws_nat_gateway", "this");
    assertThat(nat.line()).isEqualTo(94);
    assertThat(nat.endLine()).isEqualTo(102);
    assertThat(nat.body().attribute("count").orElseThrow().value().source())
        .isEqualTo("local.nat_count");
    Attribute dependsOn = nat.body().attribute("depends_on").orElseThrow();
    assertThat(dependsOn.line()).isEqualTo(101);
    assertThat(Exprs.traversals(dependsOn.value()))
        .extracting(Expr.ScopeTraversal::path)
        .containsExactly("aws_internet_gateway.this");
    Block route = resource(f, "aws_route_table", "private").body().blocks("route").get(0);
    assertThat(route.body().attribute("nat_gateway_id").orElseThrow().value().source())
        .isEqualTo("aws_nat_gateway.this[var.single_nat_gateway ? 0 : count.index].id");
  }

  @Test
  void vpcModuleLocalsUseForExpressionsAndConditionals() {
    Body locals = fixture("vpc_module.tf").body().blocks("locals").get(0).body();
    assertThat(locals.attribute("nat_count").orElseThrow().value().source())
        .isEqualTo("var.single_nat_gateway ? 1 : local.az_count");
    assertThat(locals.attribute("private_cidrs").orElseThrow().value())
        .isInstanceOf(Expr.ForTuple.class);
    assertThat(
            fixture("vpc_module.tf")
                .body()
                .blocks("output")
                .get(1)
                .body()
                .attribute("value")
                .orElseThrow()
                .value())
        .isInstanceOf(Expr.Splat.class);
  }

  @Test
  void rdsModuleInstanceSettingsAreReadable() {
    HclFile f = fixture("rds_module.tf");
    Block db = resource(f, "aws_db_instance", "this");
    assertThat(db.body().attribute("for_each").orElseThrow().value().source())
        .isEqualTo("local.effective");
    Attribute multiAz = db.body().attribute("multi_az").orElseThrow();
    assertThat(multiAz.line()).isEqualTo(68);
    assertThat(multiAz.value().source()).isEqualTo("each.value.multi_az");
    assertThat(db.body().attribute("skip_final_snapshot").orElseThrow().value())
        .isInstanceOf(Expr.Unary.class);
    Block lifecycle = db.body().blocks("lifecycle").get(0);
    assertThat(lifecycle.body().attribute("ignore_changes").orElseThrow().value().source())
        .isEqualTo("[password]");
    assertThat(db.body().blocks("timeouts")).hasSize(1);
  }

  @Test
  void rdsModuleLocalsComputeProductionOverrides() {
    Body locals = fixture("rds_module.tf").body().blocks("locals").get(0).body();
    Expr.ForObject effective = (Expr.ForObject) locals.attribute("effective").orElseThrow().value();
    assertThat(effective.keyVar()).isEqualTo("name");
    assertThat(effective.valueVar()).isEqualTo("db");
    Expr.FunctionCall merge = (Expr.FunctionCall) effective.value();
    Expr.ObjectCons overrides = (Expr.ObjectCons) merge.args().get(1);
    assertThat(overrides.get("multi_az").orElseThrow().source())
        .isEqualTo("local.is_production ? true : db.multi_az");
  }

  @Test
  void rdsModuleGroupingOutput() {
    Block out = fixture("rds_module.tf").body().blocks("output").get(1);
    Expr.ForObject f = (Expr.ForObject) out.body().attribute("value").orElseThrow().value();
    assertThat(f.grouping()).isTrue();
  }

  @Test
  void dynamicBlocksKeepTheirContent() {
    HclFile f = fixture("dynamic_blocks.tf");
    Block sg = resource(f, "aws_security_group", "app");
    Block ingress = sg.body().blocks("dynamic").get(0);
    assertThat(ingress.labels()).containsExactly("ingress");
    assertThat(ingress.body().attribute("iterator").orElseThrow().value().source())
        .isEqualTo("rule");
    Block content = ingress.body().blocks("content").get(0);
    assertThat(content.line()).isEqualTo(33);
    assertThat(content.body().attributes()).hasSize(5);
    Block lifecycle = sg.body().blocks("lifecycle").get(0);
    assertThat(lifecycle.line()).isEqualTo(lifecycle.endLine());
  }

  @Test
  void dynamicBlocksHeredocUserDataWithForDirective() {
    Block app = resource(fixture("dynamic_blocks.tf"), "aws_instance", "app");
    Expr.TemplateExpr userData =
        (Expr.TemplateExpr) app.body().attribute("user_data").orElseThrow().value();
    assertThat(userData.heredoc()).isTrue();
    TemplatePart.For loop = (TemplatePart.For) userData.parts().get(3);
    assertThat(loop.collection().source()).isEqualTo("each.value.volumes");
    assertThat(((TemplatePart.Literal) loop.body().get(0)).text()).isEqualTo("mkfs -t xfs ");
    assertThat(app.body().blocks("metadata_options")).hasSize(1);
  }

  @Test
  void dynamicBlocksModuleAndMovedBlocks() {
    HclFile f = fixture("dynamic_blocks.tf");
    Block alb = f.body().blocks("module").get(0);
    assertThat(alb.body().attribute("source").orElseThrow().value())
        .extracting(e -> ((Expr.TemplateExpr) e).literalValue().orElseThrow())
        .isEqualTo("terraform-aws-modules/alb/aws");
    Block moved = f.body().blocks("moved").get(0);
    assertThat(moved.body().attribute("to").orElseThrow().value().source())
        .isEqualTo("aws_instance.app[\"legacy\"]");
  }
}

package dev.relplan.iac.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.assess.Assessment;
import dev.relplan.model.Database;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.rules.Context;
import dev.relplan.rules.Finding;
import dev.relplan.source.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A CDK app with its synthesised templates: the template decides, the source gives the line. */
class CdkSynthOutputTest {
  @TempDir Path dir;

  private void write(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }

  private Pipeline.Result appWithSynthOutput() throws IOException {
    write("cdk.json", "{\"app\": \"npx ts-node bin/app.ts\"}\n");
    write(
        "lib/orders-stack.ts",
        """
        import * as cdk from 'aws-cdk-lib';
        import * as rds from 'aws-cdk-lib/aws-rds';
        export class OrdersStack extends cdk.Stack {
          constructor(scope: any, id: string) {
            super(scope, id);
            new rds.DatabaseInstance(this, 'OrderStore', { multiAz: true });
          }
        }
        """);
    write(
        "cdk.out/OrdersStack.template.json",
        """
        {
          "Resources": {
            "OrderStore1A2B3C4D": {
              "Type": "AWS::RDS::DBInstance",
              "Properties": {"Engine": "postgres", "MultiAZ": false},
              "Metadata": {"aws:cdk:path": "OrdersStack/OrderStore/Resource"}
            }
          }
        }
        """);
    return Pipeline.run(new Pipeline.Request(List.of(dir), "t", Context.defaults(), List.of()));
  }

  @Test
  void theTemplateDecidesAndTheObjectIsModelledOnce() throws IOException {
    List<Database> dbs = appWithSynthOutput().workload().all(Database.class);
    assertThat(dbs).hasSize(1);
    assertThat(dbs.get(0).id).isEqualTo("OrderStore1A2B3C4D");
    assertThat(dbs.get(0).multiAz.isFalse()).isTrue();
  }

  @Test
  void theFindingCitesTheConstructLineInTheSource() throws IOException {
    Assessment a = appWithSynthOutput().assessment();
    List<Finding> singleAz =
        a.findings().stream()
            .map(Assessment.NumberedFinding::finding)
            .filter(f -> f.rule().id().equals("REL-DB-SINGLE-AZ"))
            .toList();
    assertThat(singleAz).hasSize(1);
    assertThat(singleAz.get(0).evidence()).contains(new Location("lib/orders-stack.ts", 6));
  }

  private Pipeline.Result apiApp(boolean synthesised) throws IOException {
    write("cdk.json", "{\"app\": \"npx ts-node bin/app.ts\"}\n");
    write(
        "lib/orders-stack.ts",
        """
        import * as cdk from 'aws-cdk-lib';
        import * as apigateway from 'aws-cdk-lib/aws-apigateway';
        export class OrdersStack extends cdk.Stack {
          constructor(scope: any, id: string) {
            super(scope, id);
            new apigateway.RestApi(this, 'OrdersApi');
          }
        }
        """);
    if (synthesised)
      write(
          "cdk.out/OrdersStack.template.json",
          """
          {
            "Resources": {
              "OrdersApiDeploymentStageprod1A2B3C4D": {
                "Type": "AWS::ApiGateway::Stage",
                "Properties": {"RestApiId": {"Ref": "OrdersApi1A2B3C4D"}, "StageName": "prod"},
                "Metadata": {"aws:cdk:path": "OrdersStack/OrdersApi/DeploymentStage.prod/Resource"}
              }
            }
          }
          """);
    return Pipeline.run(new Pipeline.Request(List.of(dir), "t", Context.defaults(), List.of()));
  }

  private static List<Finding> findings(Pipeline.Result result, String rule) {
    return result.assessment().findings().stream()
        .map(Assessment.NumberedFinding::finding)
        .filter(f -> f.rule().id().equals(rule))
        .toList();
  }

  @Test
  void anApiStageReadFromSourceOrFromItsTemplateGivesTheSameFindingAtTheSameConstructLine()
      throws IOException {
    Location construct = new Location("lib/orders-stack.ts", 6);
    assertThat(findings(apiApp(false), "REL-API-NO-THROTTLING"))
        .singleElement()
        .satisfies(f -> assertThat(f.evidence()).contains(construct));
    assertThat(findings(apiApp(true), "REL-API-NO-THROTTLING"))
        .singleElement()
        .satisfies(f -> assertThat(f.evidence()).contains(construct));
  }
}

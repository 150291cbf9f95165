package dev.relplan.iac.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.assess.Assessment;
import dev.relplan.model.CoverageGap;
import dev.relplan.model.Database;
import dev.relplan.model.Resource;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.rules.Context;
import dev.relplan.rules.Finding;
import dev.relplan.rules.Undetermined;
import dev.relplan.source.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a deciding value comes from, end to end: files in, model values, findings and Cannot
 * Determine out.
 */
class TerraformEvaluationTest {
  @TempDir Path dir;

  private static final String DB =
      """
      resource "aws_db_instance" "main" {
        identifier     = "main"
        engine         = "postgres"
        instance_class = "db.t4g.medium"
        multi_az       = %s
      }
      """;

  private void write(String file, String content) throws IOException {
    Path p = dir.resolve(file);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }

  private Pipeline.Result run(List<Path> varFiles, List<String> vars) throws IOException {
    return Pipeline.run(
        new Pipeline.Request(
            List.of(dir), "t", Context.defaults(), List.of(), null, varFiles, vars));
  }

  private Pipeline.Result run() throws IOException {
    return run(List.of(), List.of());
  }

  private static List<Finding> findings(Pipeline.Result r, String rule) {
    return r.assessment().findings().stream()
        .map(Assessment.NumberedFinding::finding)
        .filter(f -> f.rule().id().equals(rule))
        .toList();
  }

  private static List<Undetermined> undetermined(Pipeline.Result r, String rule) {
    return r.assessment().undetermined().stream().filter(u -> u.rule().id().equals(rule)).toList();
  }

  private static Database db(Pipeline.Result r, String id) {
    for (Resource x : r.workload().resources())
      if (x instanceof Database d && d.id.equals(id)) return d;
    throw new AssertionError("no database " + id + " in " + r.workload().resources());
  }

  @Test
  void variableDefaultDecidesAndIsCited() throws IOException {
    write(
        "main.tf",
        "variable \"multi_az\" {\n  default = false\n}\n" + DB.formatted("var.multi_az"));
    Pipeline.Result r = run();
    Database d = db(r, "aws_db_instance.main");
    assertThat(d.multiAz.isFalse()).isTrue();
    assertThat(d.multiAz.trace())
        .containsExactly(new Location("main.tf", 8), new Location("main.tf", 2));
    assertThat(findings(r, "REL-DB-SINGLE-AZ"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.evidence())
                    .containsExactly(
                        new Location("main.tf", 4),
                        new Location("main.tf", 8),
                        new Location("main.tf", 2)));
  }

  @Test
  void terraformTfvarsOverridesTheDefault() throws IOException {
    write(
        "main.tf",
        "variable \"multi_az\" {\n  default = false\n}\n" + DB.formatted("var.multi_az"));
    write("terraform.tfvars", "# production\nmulti_az = true\n");
    Pipeline.Result r = run();
    Database d = db(r, "aws_db_instance.main");
    assertThat(d.multiAz.isTrue()).isTrue();
    assertThat(d.multiAz.trace())
        .contains(new Location("terraform.tfvars", 2))
        .doesNotContain(new Location("main.tf", 2));
    assertThat(findings(r, "REL-DB-SINGLE-AZ")).isEmpty();
  }

  @Test
  void autoTfvarsApplyAfterTerraformTfvarsInLexicalOrder() throws IOException {
    write(
        "main.tf", "variable \"multi_az\" {\n  default = true\n}\n" + DB.formatted("var.multi_az"));
    write("terraform.tfvars", "multi_az = true\n");
    write("a.auto.tfvars", "multi_az = true\n");
    write("b.auto.tfvars", "\nmulti_az = false\n");
    Pipeline.Result r = run();
    assertThat(findings(r, "REL-DB-SINGLE-AZ"))
        .singleElement()
        .satisfies(f -> assertThat(f.evidence()).contains(new Location("b.auto.tfvars", 2)));
  }

  @Test
  void aSingleProductionVariableFileIsUsedWhenNoVarFileIsGiven() throws IOException {
    write(
        "main.tf", "variable \"multi_az\" {\n  default = true\n}\n" + DB.formatted("var.multi_az"));
    write("env/staging.tfvars", "multi_az = true\n");
    write("env/prod.tfvars", "multi_az = false\n");
    Pipeline.Result r = run();
    assertThat(findings(r, "REL-DB-SINGLE-AZ"))
        .singleElement()
        .satisfies(f -> assertThat(f.evidence()).contains(new Location("env/prod.tfvars", 1)));
    assertThat(r.assessment().notes())
        .anyMatch(n -> n.contains("env/prod.tfvars") && n.contains("--var-file"));
    assertThat(
            findings(
                run(List.of(dir.resolve("env/staging.tfvars")), List.of()), "REL-DB-SINGLE-AZ"))
        .isEmpty();
    write("env/dr.tfvars", "multi_az = false\n");
    assertThat(findings(run(List.of(dir.resolve("env/dr.tfvars")), List.of()), "REL-DB-SINGLE-AZ"))
        .singleElement()
        .satisfies(f -> assertThat(f.evidence()).contains(new Location("env/dr.tfvars", 1)));
  }

  @Test
  void varFileThenVarOptionWin() throws IOException {
    write(
        "main.tf",
        "variable \"multi_az\" {\n  default = false\n}\n" + DB.formatted("var.multi_az"));
    Path varFile =
        Files.writeString(
            dir.resolveSibling(dir.getFileName() + "-prod.tfvars"), "multi_az = true\n");
    assertThat(findings(run(List.of(varFile), List.of()), "REL-DB-SINGLE-AZ")).isEmpty();
    assertThat(findings(run(List.of(varFile), List.of("multi_az=false")), "REL-DB-SINGLE-AZ"))
        .hasSize(1);
    assertThat(findings(run(List.of(), List.of("multi_az=true")), "REL-DB-SINGLE-AZ")).isEmpty();
  }

  @Test
  void localAndConditionalDecide() throws IOException {
    write(
        "main.tf",
        """
        variable "env" {
          default = "prod"
        }
        locals {
          ha = var.env == "prod" ? false : true
        }
        """
            + DB.formatted("local.ha"));
    Pipeline.Result r = run();
    Database d = db(r, "aws_db_instance.main");
    assertThat(d.multiAz.isFalse()).isTrue();
    assertThat(d.multiAz.trace())
        .containsExactly(
            new Location("main.tf", 11), new Location("main.tf", 5), new Location("main.tf", 2));
  }

  @Test
  void countZeroMeansNoResourceAndNoFinding() throws IOException {
    write(
        "main.tf",
        """
        variable "create" {
          default = false
        }
        resource "aws_db_instance" "main" {
          count    = var.create ? 1 : 0
          engine   = "postgres"
          multi_az = false
        }
        """);
    Pipeline.Result r = run();
    assertThat(r.workload().resources()).noneMatch(x -> x.type.equals("aws_db_instance"));
    assertThat(findings(r, "REL-DB-SINGLE-AZ")).isEmpty();
    assertThat(undetermined(r, "REL-DB-SINGLE-AZ")).isEmpty();
  }

  @Test
  void countProducesIndexedAddresses() throws IOException {
    write(
        "main.tf",
        """
        resource "aws_db_instance" "main" {
          count    = 2
          engine   = "postgres"
          multi_az = count.index == 0
        }
        """);
    Pipeline.Result r = run();
    assertThat(db(r, "aws_db_instance.main[0]").multiAz.isTrue()).isTrue();
    assertThat(findings(r, "REL-DB-SINGLE-AZ"))
        .extracting(Finding::resource)
        .containsExactly("aws_db_instance.main[1]");
  }

  @Test
  void forEachOverAMapGivesOneFindingPerInstanceAddress() throws IOException {
    write(
        "main.tf",
        """
        variable "databases" {
          default = {
            orders   = { multi_az = false }
            payments = { multi_az = false }
            catalog  = { multi_az = true }
          }
        }
        resource "aws_db_instance" "db" {
          for_each   = var.databases
          identifier = each.key
          engine     = "postgres"
          multi_az   = each.value.multi_az
        }
        """);
    Pipeline.Result r = run();
    assertThat(findings(r, "REL-DB-SINGLE-AZ"))
        .extracting(Finding::resource)
        .containsExactlyInAnyOrder(
            "aws_db_instance.db[\"orders\"]", "aws_db_instance.db[\"payments\"]");
    assertThat(db(r, "aws_db_instance.db[\"catalog\"]").multiAz.isTrue()).isTrue();
  }

  @Test
  void localModuleInputDecidesAndTheCallChainIsCited() throws IOException {
    write(
        "main.tf",
        """
        module "db" {
          source   = "./modules/db"
          multi_az = false
        }
        """);
    write(
        "modules/db/main.tf",
        "variable \"multi_az\" {\n  default = true\n}\n" + DB.formatted("var.multi_az"));
    Pipeline.Result r = run();
    assertThat(findings(r, "REL-DB-SINGLE-AZ"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.resource()).isEqualTo("module.db.aws_db_instance.main");
              assertThat(f.evidence())
                  .containsExactly(
                      new Location("modules/db/main.tf", 4),
                      new Location("modules/db/main.tf", 8),
                      new Location("main.tf", 3),
                      new Location("main.tf", 1));
            });
  }

  @Test
  void nestedModulesPassInputsDownAndOutputsUp() throws IOException {
    write(
        "main.tf",
        """
        variable "ha" {
          default = false
        }
        module "app" {
          source = "./modules/app"
          ha     = var.ha
        }
        output "db_id" {
          value = module.app.db_id
        }
        """);
    write(
        "modules/app/main.tf",
        """
        variable "ha" {}
        module "db" {
          source   = "../db"
          multi_az = var.ha
        }
        output "db_id" {
          value = module.db.id
        }
        """);
    write(
        "modules/db/main.tf",
        "variable \"multi_az\" {}\n"
            + DB.formatted("var.multi_az")
            + "output \"id\" {\n  value = aws_db_instance.main.id\n}\n");
    Pipeline.Result r = run();
    assertThat(findings(r, "REL-DB-SINGLE-AZ"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.resource()).isEqualTo("module.app.module.db.aws_db_instance.main");
              assertThat(f.evidence())
                  .contains(
                      new Location("main.tf", 2),
                      new Location("main.tf", 4),
                      new Location("modules/app/main.tf", 2));
              assertThat(f.evidence().get(f.evidence().size() - 1))
                  .isEqualTo(new Location("modules/app/main.tf", 2));
            });
    // only the root is a configuration: the modules are not evaluated on their own with missing
    // inputs
    assertThat(r.workload().resources()).filteredOn(x -> x instanceof Database).hasSize(1);
  }

  @Test
  void moduleForEachCreatesOneInstancePerKey() throws IOException {
    write(
        "main.tf",
        """
        module "db" {
          for_each = toset(["a", "b"])
          source   = "./modules/db"
          multi_az = each.key == "a"
        }
        """);
    write("modules/db/main.tf", "variable \"multi_az\" {}\n" + DB.formatted("var.multi_az"));
    Pipeline.Result r = run();
    assertThat(findings(r, "REL-DB-SINGLE-AZ"))
        .extracting(Finding::resource)
        .containsExactly("module.db[\"b\"].aws_db_instance.main");
  }

  @Test
  void dataSourceValueIsCannotDetermine() throws IOException {
    write(
        "main.tf",
        "data \"aws_ssm_parameter\" \"ha\" {\n  name = \"/ha\"\n}\n"
            + DB.formatted("data.aws_ssm_parameter.ha.value == \"true\""));
    Pipeline.Result r = run();
    assertThat(findings(r, "REL-DB-SINGLE-AZ")).isEmpty();
    assertThat(undetermined(r, "REL-DB-SINGLE-AZ"))
        .singleElement()
        .satisfies(u -> assertThat(u.reason()).contains("data.aws_ssm_parameter.ha"));
  }

  @Test
  void remoteModuleIsReportedAndItsOutputsAreCannotDetermine() throws IOException {
    write(
        "main.tf",
        """
        module "settings" {
          source  = "terraform-aws-modules/settings/aws"
          version = "1.0.0"
        }
        """
            + DB.formatted("module.settings.multi_az"));
    Pipeline.Result r = run();
    assertThat(findings(r, "REL-DB-SINGLE-AZ")).isEmpty();
    assertThat(undetermined(r, "REL-DB-SINGLE-AZ"))
        .singleElement()
        .satisfies(u -> assertThat(u.reason()).contains("module.settings"));
    assertThat(r.workload().coverageGaps)
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g.subject()).isEqualTo("module.settings");
              assertThat(g.cause()).isEqualTo(CoverageGap.Cause.NOT_FETCHED);
              assertThat(g.location()).isEqualTo(new Location("main.tf", 1));
            });
  }

  @Test
  void moduleSourceOutsideTheScannedPathIsNotFollowed() throws IOException {
    write("main.tf", "module \"shared\" {\n  source = \"../../elsewhere/db\"\n}\n");
    Pipeline.Result r = run();
    assertThat(r.workload().coverageGaps)
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g.subject()).isEqualTo("module.shared");
              assertThat(g.kind()).isEqualTo(CoverageGap.Kind.MODULE);
              assertThat(g.cause()).isEqualTo(CoverageGap.Cause.OUTSIDE_SCANNED_PATHS);
              assertThat(g.reason()).contains("../../elsewhere/db");
            });
  }

  @Test
  void unsupportedFunctionIsCannotDetermine() throws IOException {
    write("main.tf", DB.formatted("tobool(templatefile(\"${path.module}/ha.tpl\", {}))"));
    Pipeline.Result r = run();
    assertThat(findings(r, "REL-DB-SINGLE-AZ")).isEmpty();
    assertThat(undetermined(r, "REL-DB-SINGLE-AZ"))
        .singleElement()
        .satisfies(u -> assertThat(u.reason()).contains("templatefile"));
  }

  @Test
  void unknownCountKeepsTheResourceAsCannotDetermine() throws IOException {
    write(
        "main.tf",
        """
        data "aws_availability_zones" "all" {}
        resource "aws_db_instance" "main" {
          count    = length(data.aws_availability_zones.all.names)
          engine   = "postgres"
          multi_az = false
        }
        """);
    Pipeline.Result r = run();
    assertThat(findings(r, "REL-DB-SINGLE-AZ")).isEmpty();
    assertThat(undetermined(r, "REL-DB-SINGLE-AZ"))
        .singleElement()
        .satisfies(u -> assertThat(u.reason()).contains("count cannot be evaluated"));
  }

  @Test
  void syntaxErrorIsLocatedAndTheRestIsAnalysed() throws IOException {
    write("broken.tf", "resource \"aws_sqs_queue\" \"q\" {\n  name = \n}\n");
    write("main.tf", DB.formatted("false"));
    Pipeline.Result r = run();
    assertThat(r.assessment().skippedFiles())
        .anyMatch(s -> s.file().equals("broken.tf") && s.reason().contains("broken.tf:"));
    assertThat(findings(r, "REL-DB-SINGLE-AZ")).hasSize(1);
  }

  @Test
  void selfReferencingAndVeryLongLocalChainsDoNotOverflow() throws IOException {
    StringBuilder sb = new StringBuilder("locals {\n  a = local.b\n  b = local.a\n");
    for (int i = 0; i < 5000; i++)
      sb.append("  l").append(i).append(" = local.l").append(i + 1).append("\n");
    sb.append("  l5000 = false\n}\n");
    write(
        "main.tf",
        sb
            + DB.formatted("local.a")
            + DB.formatted("local.l0").replace("\"main\" {", "\"chain\" {"));
    Pipeline.Result r = run();
    assertThat(findings(r, "REL-DB-SINGLE-AZ")).isEmpty();
    assertThat(undetermined(r, "REL-DB-SINGLE-AZ")).hasSize(2);
  }

  @Test
  void modulesCallingThemselvesAreBounded() throws IOException {
    write("main.tf", "module \"loop\" {\n  source = \"./m\"\n}\n");
    write(
        "m/main.tf",
        "module \"a\" {\n  source = \"./\"\n}\nmodule \"b\" {\n  source = \"../m\"\n}\n"
            + "resource \"aws_sqs_queue\" \"q\" {}\n");
    long start = System.nanoTime();
    Pipeline.Result r = run();
    assertThat(System.nanoTime() - start).isLessThan(20_000_000_000L);
    assertThat(r.workload().resources().size())
        .isLessThanOrEqualTo(Session.MAX_MODULE_INSTANCES + 1);
    assertThat(r.assessment().notes()).anyMatch(n -> n.contains("not followed"));
  }

  @Test
  void environmentVariableMarksTheResourceNonProduction() throws IOException {
    write(
        "main.tf", "variable \"environment\" {\n  default = \"dev\"\n}\n" + DB.formatted("false"));
    Pipeline.Result r = run();
    assertThat(db(r, "aws_db_instance.main").environment.get()).isEqualTo("dev");
  }

  @Test
  void jsonSyntaxConfigurationAndVariables() throws IOException {
    write(
        "main.tf.json",
        """
        {
          "variable": {"multi_az": {"default": true}},
          "resource": {
            "aws_db_instance": {
              "main": {"engine": "postgres", "multi_az": "${var.multi_az}"}
            }
          }
        }
        """);
    write("terraform.tfvars.json", "{\n  \"multi_az\": false\n}\n");
    Pipeline.Result r = run();
    assertThat(findings(r, "REL-DB-SINGLE-AZ"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.evidence())
                    .contains(
                        new Location("main.tf.json", 5), new Location("terraform.tfvars.json", 2)));
  }

  @Test
  void everyRootModuleIsItsOwnConfigurationNamedInItsAddresses() throws IOException {
    String call = "module \"db\" {\n  source   = \"../../modules/db\"\n  multi_az = %s\n}\n";
    write("envs/prod/main.tf", call.formatted("true"));
    write("envs/staging/main.tf", call.formatted("false"));
    write("modules/db/main.tf", "variable \"multi_az\" {}\n" + DB.formatted("var.multi_az"));
    Pipeline.Result r = run();
    assertThat(r.workload().all(Database.class))
        .extracting(d -> d.id)
        .containsExactlyInAnyOrder(
            "envs/prod:module.db.aws_db_instance.main",
            "envs/staging:module.db.aws_db_instance.main");
    assertThat(findings(r, "REL-DB-SINGLE-AZ"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.resource()).isEqualTo("envs/staging:module.db.aws_db_instance.main");
              assertThat(f.evidence())
                  .contains(
                      new Location("envs/staging/main.tf", 3),
                      new Location("envs/staging/main.tf", 1));
            });
  }

  @Test
  void optionalObjectAttributesTakeTheirDeclaredDefaults() throws IOException {
    write(
        "main.tf",
        """
        variable "databases" {
          type = map(object({
            engine   = string
            multi_az = optional(bool, false)
            backup   = optional(object({ days = optional(number, 7) }), {})
          }))
          default = {
            orders = { engine = "postgres" }
          }
        }
        resource "aws_db_instance" "db" {
          for_each                = var.databases
          engine                  = each.value.engine
          multi_az                = each.value.multi_az
          backup_retention_period = each.value.backup.days
        }
        """);
    Database d = db(run(), "aws_db_instance.db[\"orders\"]");
    assertThat(d.multiAz.isFalse()).isTrue();
    assertThat(d.backupRetentionDays.get()).isEqualTo(7);
  }

  @Test
  void providerDefaultTagsApplyToResourcesInModulesToo() throws IOException {
    write(
        "main.tf",
        """
        variable "stage" {
          default = "staging"
        }
        provider "aws" {
          default_tags {
            tags = { Environment = var.stage, Team = "shop" }
          }
        }
        module "db" {
          source = "./db"
        }
        """);
    write("db/main.tf", DB.formatted("false"));
    Database d = db(run(), "module.db.aws_db_instance.main");
    assertThat(d.tags).containsEntry("Environment", "staging").containsEntry("Team", "shop");
    assertThat(d.environment.get()).isEqualTo("staging");
  }

  @Test
  void auroraClusterMembersComeFromCountedClusterInstances() throws IOException {
    write(
        "main.tf",
        """
        variable "readers" {
          default = 0
        }
        resource "aws_rds_cluster" "orders" {
          cluster_identifier      = "orders"
          engine                  = "aurora-postgresql"
          backup_retention_period = 7
        }
        resource "aws_rds_cluster_instance" "orders" {
          count              = 1 + var.readers
          cluster_identifier = aws_rds_cluster.orders.id
          instance_class     = "db.r6g.large"
          engine             = aws_rds_cluster.orders.engine
        }
        """);
    Pipeline.Result one = run();
    assertThat(db(one, "aws_rds_cluster.orders").members).hasSize(1);
    assertThat(findings(one, "REL-DB-SINGLE-AZ"))
        .singleElement()
        .satisfies(f -> assertThat(f.resource()).isEqualTo("aws_rds_cluster.orders"));
    Pipeline.Result two = run(List.of(), List.of("readers=1"));
    assertThat(db(two, "aws_rds_cluster.orders").members).hasSize(2);
    assertThat(findings(two, "REL-DB-SINGLE-AZ")).isEmpty();
  }

  @Test
  void providerAliasesInAnotherRegionCountAsCrossRegionCopies() throws IOException {
    write(
        "main.tf",
        """
        provider "aws" {
          region = "eu-west-1"
        }
        provider "aws" {
          alias  = "dr"
          region = "eu-central-1"
        }
        resource "aws_db_instance" "ledger" {
          engine                  = "postgres"
          multi_az                = true
          backup_retention_period = 14
        }
        resource "aws_db_instance_automated_backups_replication" "ledger" {
          provider               = aws.dr
          source_db_instance_arn = aws_db_instance.ledger.arn
        }
        resource "aws_dynamodb_table" "orders" {
          name     = "orders"
          hash_key = "id"
          point_in_time_recovery {
            enabled = true
          }
        }
        resource "aws_backup_vault" "local" {
          name = "local"
        }
        module "dr" {
          source    = "./dr"
          providers = { aws = aws.dr }
        }
        resource "aws_backup_plan" "daily" {
          name = "daily"
          rule {
            rule_name         = "daily"
            target_vault_name = aws_backup_vault.local.name
            lifecycle {
              delete_after = 35
            }
            copy_action {
              destination_vault_arn = module.dr.vault_arn
            }
          }
        }
        resource "aws_backup_selection" "orders" {
          name      = "orders"
          plan_id   = aws_backup_plan.daily.id
          resources = [aws_dynamodb_table.orders.arn]
        }
        """);
    write(
        "dr/main.tf",
        """
        resource "aws_backup_vault" "dr" {
          name = "dr"
        }
        output "vault_arn" {
          value = aws_backup_vault.dr.arn
        }
        """);
    Pipeline.Result r = run();
    assertThat(db(r, "aws_db_instance.ledger").backupReplicationRegion.get())
        .isEqualTo("eu-central-1");
    assertThat(findings(r, "REL-BACKUP-NO-CROSS-REGION")).isEmpty();
    assertThat(r.assessment().strengths())
        .anyMatch(
            s -> s.title().contains("aws_dynamodb_table.orders has a copy outside its Region"));
  }

  @Test
  void otherProvidersAreCountedAsNotAssessed() throws IOException {
    write("main.tf", "resource \"google_sql_database_instance\" \"x\" {\n  name = \"x\"\n}\n");
    Pipeline.Result r = run();
    assertThat(r.workload().notAssessedTypes).containsEntry("google_sql_database_instance", 1);
  }
}

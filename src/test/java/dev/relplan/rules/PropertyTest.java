package dev.relplan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.model.Database;
import dev.relplan.model.Table;
import dev.relplan.source.Location;
import org.junit.jupiter.api.Test;

/** A setting is spelled the way the subject's own format writes it, or said in words. */
class PropertyTest {
  @Test
  void cloudFormationAndSamKeepTheTemplatesPropertyName() {
    assertThat(Property.MULTI_AZ.in(Dialect.CLOUDFORMATION)).isEqualTo("MultiAZ");
    assertThat(Property.MULTI_AZ.in(Dialect.SAM)).isEqualTo("MultiAZ");
  }

  @Test
  void terraformGetsTheAwsProvidersAttribute() {
    assertThat(Property.VISIBILITY_TIMEOUT.in(Dialect.TERRAFORM))
        .isEqualTo("visibility_timeout_seconds");
  }

  @Test
  void cdkTypeScriptGetsTheConstructsPropNotTheCamelCaseOfTheTemplateName() {
    assertThat(Property.BACKUP_RETENTION.in(Dialect.CDK)).isEqualTo("backupRetention");
    assertThat(Property.QUEUE_REDRIVE_POLICY.in(Dialect.CDK)).isEqualTo("deadLetterQueue");
    assertThat(Property.MIN_SIZE.in(Dialect.CDK)).isEqualTo("minCapacity");
  }

  @Test
  void cdkPythonGetsTheSnakeCaseKeyword() {
    assertThat(Property.RESERVED_CONCURRENCY.in(Dialect.CDK_PYTHON))
        .isEqualTo("reserved_concurrent_executions");
    assertThat(Property.HEALTH_CHECK_ENABLED.in(Dialect.CDK_PYTHON))
        .isEqualTo("health_check.enabled");
  }

  @Test
  void serverlessGeneratedResourcesGetTheFunctionOrEventKey() {
    assertThat(Property.RESERVED_CONCURRENCY.in(Dialect.SERVERLESS))
        .isEqualTo("reservedConcurrency");
    assertThat(Property.MAPPING_ON_FAILURE.in(Dialect.SERVERLESS))
        .isEqualTo("destinations.onFailure");
  }

  @Test
  void aFormatWithoutTheSettingGetsWordsNotAForeignName() {
    assertThat(Property.ALARM_ACTIONS.in(Dialect.CDK)).isEqualTo("alarm actions");
    assertThat(Property.DELETION_POLICY.in(Dialect.TERRAFORM)).isEqualTo("deletion policy");
    assertThat(Property.MIN_SIZE.in(Dialect.KUBERNETES)).isEqualTo("minimum size");
  }

  @Test
  void aConstructWhosePropDiffersFromItsFamilysIsSpelledItsOwnWay() {
    Database cluster = new Database("s", "Stack/Cluster", "AWS::RDS::DBCluster", at());
    cluster.declaredType = "aws-cdk-lib.aws_rds.DatabaseCluster";
    Database instance = new Database("s", "Stack/Db", "AWS::RDS::DBInstance", at());
    instance.declaredType = "aws_cdk.aws_rds.DatabaseInstance";
    Table table = new Table("s", "Stack/Orders", "AWS::DynamoDB::GlobalTable", at());
    table.declaredType = "aws-cdk-lib.aws_dynamodb.TableV2";

    assertThat(Property.BACKUP_RETENTION.of(cluster)).isEqualTo("backup.retention");
    assertThat(Property.BACKUP_RETENTION.of(instance)).isEqualTo("backup_retention");
    assertThat(Property.BILLING_MODE.of(table)).isEqualTo("billing");
  }

  @Test
  void snakeCaseKeepsDottedPathsApart() {
    assertThat(Property.snakeCase("backup.retention")).isEqualTo("backup.retention");
    assertThat(Property.snakeCase("circuitBreaker.enable")).isEqualTo("circuit_breaker.enable");
  }

  private static Location at() {
    return new Location("lib/stack.ts", 1);
  }
}

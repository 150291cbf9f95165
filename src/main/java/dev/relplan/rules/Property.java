package dev.relplan.rules;

import dev.relplan.model.Resource;
import java.util.Map;

/**
 * A setting the rules name in findings, spelled the way the subject's own format writes it, so the
 * reader edits the key the plan names: CloudFormation's property for CloudFormation and SAM (and
 * serverless.yml's {@code resources}), the aws provider's attribute for Terraform, the L2
 * construct's prop for the AWS CDK in TypeScript (not always the camelCase of the CloudFormation
 * name: {@code backupRetention}, {@code deadLetterQueue}, {@code minCapacity}) and its snake_case
 * keyword in Python, and serverless.yml's function or event key for what the framework generates. A
 * format without such a setting (a construct that only offers a method, Kubernetes, Compose) gets
 * English words instead, never a name it does not have.
 */
public enum Property {
  MULTI_AZ("MultiAZ", "multi_az", "multiAz", null, "Multi-AZ"),
  MIN_SIZE("MinSize", "min_size", "minCapacity", null, "minimum size"),
  MAX_SIZE("MaxSize", "max_size", "maxCapacity", null, "maximum size"),
  DESIRED_COUNT("DesiredCount", "desired_count", "desiredCount", null, "desired count"),
  UPDATE_MAX_BATCH_SIZE("MaxBatchSize", null, "maxBatchSize", null, "maximum batch size"),
  /** An SQS queue's redrive to a dead-letter queue. */
  QUEUE_REDRIVE_POLICY(
      "RedrivePolicy", "redrive_policy", "deadLetterQueue", null, "dead-letter queue"),
  /** A function's dead-letter queue for failed asynchronous events. */
  FUNCTION_DEAD_LETTER(
      "DeadLetterConfig", "dead_letter_config", "deadLetterQueue", "onError", "dead-letter queue"),
  /** A function's on-failure destination for asynchronous invocations. */
  FUNCTION_ON_FAILURE(
      "OnFailure", "on_failure", "onFailure", "destinations.onFailure", "on-failure"),
  /** An EventBridge rule target's dead-letter queue. */
  TARGET_DEAD_LETTER(
      "DeadLetterConfig",
      "dead_letter_config",
      "deadLetterQueue",
      "deadLetterQueueArn",
      "dead-letter queue"),
  /** An SNS subscription's redrive to a dead-letter queue. */
  SUBSCRIPTION_REDRIVE_POLICY(
      "RedrivePolicy", "redrive_policy", "deadLetterQueue", "redrivePolicy", "dead-letter queue"),
  /** A stream event source mapping's destination for discarded batches. */
  MAPPING_ON_FAILURE(
      "DestinationConfig.OnFailure",
      "destination_config.on_failure",
      "onFailure",
      "destinations.onFailure",
      "on-failure destination"),
  FUNCTION_RESPONSE_TYPES(
      "FunctionResponseTypes",
      "function_response_types",
      "reportBatchItemFailures",
      "functionResponseType",
      "partial batch responses"),
  /** An RDS instance's automated backups; a cluster construct nests it under {@code backup}. */
  BACKUP_RETENTION(
      "BackupRetentionPeriod",
      "backup_retention_period",
      "backupRetention",
      null,
      "backup retention period",
      Map.of("DatabaseCluster", "backup.retention")),
  DELETION_POLICY("DeletionPolicy", null, "removalPolicy", null, "deletion policy"),
  /** SAM's gradual deployment of a function; serverless.yml's canary plugin setting. */
  DEPLOYMENT_PREFERENCE(
      "DeploymentPreference", null, null, "deploymentSettings", "gradual deployment setting"),
  AUTO_ROLLBACK(
      "AutoRollbackConfiguration",
      "auto_rollback_configuration",
      "autoRollback",
      null,
      "automatic rollback setting"),
  CIRCUIT_BREAKER_ENABLE(
      "DeploymentCircuitBreaker Enable",
      "deployment_circuit_breaker.enable",
      "circuitBreaker.enable",
      null,
      "deployment circuit breaker"),
  CIRCUIT_BREAKER_ROLLBACK(
      "Rollback",
      "deployment_circuit_breaker.rollback",
      "circuitBreaker.rollback",
      null,
      "its rollback"),
  MINIMUM_HEALTHY_PERCENT(
      "MinimumHealthyPercent",
      "deployment_minimum_healthy_percent",
      "minHealthyPercent",
      null,
      "minimum healthy percent"),
  HEALTH_CHECK_ID("HealthCheckId", "health_check_id", null, null, "health check"),
  HEALTH_CHECK_ENABLED(
      "HealthCheckEnabled", "health_check.enabled", "healthCheck.enabled", null, "health check"),
  HEALTH_CHECK_TYPE(
      "HealthCheckType", "health_check_type", "healthCheck", null, "health check type"),
  /** A construct offers {@code addAlarmAction()}, not a prop: words there. */
  ALARM_ACTIONS("AlarmActions", "alarm_actions", null, null, "alarm actions"),
  BILLING_MODE(
      "BillingMode",
      "billing_mode",
      "billingMode",
      null,
      "billing mode",
      Map.of("TableV2", "billing")),
  SHARD_COUNT("ShardCount", "shard_count", "shardCount", null, "shard count"),
  RESERVED_CONCURRENCY(
      "ReservedConcurrentExecutions",
      "reserved_concurrent_executions",
      "reservedConcurrentExecutions",
      "reservedConcurrency",
      "reserved concurrency"),
  VISIBILITY_TIMEOUT(
      "VisibilityTimeout",
      "visibility_timeout_seconds",
      "visibilityTimeout",
      null,
      "visibility timeout"),
  /** An EFS file system's single zone; the construct's {@code oneZone} flag says it. */
  ONE_ZONE("AvailabilityZoneName", "availability_zone_name", "oneZone", null, "One Zone storage"),
  FUNCTION_TIMEOUT("Timeout", "timeout", "timeout", "timeout", "timeout"),
  AUTOMATIC_FAILOVER(
      "AutomaticFailoverEnabled",
      "automatic_failover_enabled",
      "automaticFailoverEnabled",
      null,
      "automatic failover");

  private final String cloudFormation;
  private final String terraform;
  private final String cdk;
  private final String serverless;
  private final String words;

  /** A construct's own prop where it differs from the family's, by construct class name. */
  private final Map<String, String> cdkByConstruct;

  Property(String cloudFormation, String terraform, String cdk, String serverless, String words) {
    this(cloudFormation, terraform, cdk, serverless, words, Map.of());
  }

  Property(
      String cloudFormation,
      String terraform,
      String cdk,
      String serverless,
      String words,
      Map<String, String> cdkByConstruct) {
    this.cloudFormation = cloudFormation;
    this.terraform = terraform;
    this.cdk = cdk;
    this.serverless = serverless;
    this.words = words;
    this.cdkByConstruct = cdkByConstruct;
  }

  /** The setting as the subject's format spells it, or words where the format has none. */
  public String of(Resource subject) {
    String name = in(Dialect.of(subject), constructOf(subject));
    return name != null ? name : words;
  }

  /** The setting as this dialect spells it, or words where the dialect has none. */
  public String in(Dialect dialect) {
    String name = in(dialect, null);
    return name != null ? name : words;
  }

  /** True when the subject's format spells the setting with a name rather than words. */
  public boolean isNamedIn(Resource subject) {
    return in(Dialect.of(subject), constructOf(subject)) != null;
  }

  private String in(Dialect dialect, String construct) {
    if (dialect == null) return null;
    return switch (dialect) {
      case CLOUDFORMATION, SAM -> cloudFormation;
      case TERRAFORM -> terraform;
      case SERVERLESS -> serverless;
      case CDK -> cdkProp(construct);
      case CDK_PYTHON -> snakeCase(cdkProp(construct));
      case CDK_JAVA -> cdkProp(construct); // builder methods are the props' camelCase names
      default -> null;
    };
  }

  private String cdkProp(String construct) {
    return construct != null ? cdkByConstruct.getOrDefault(construct, cdk) : cdk;
  }

  /** The construct class a CDK subject is written as ({@code DatabaseCluster}), or null. */
  private static String constructOf(Resource subject) {
    if (subject == null) return null;
    String written = subject.writtenType();
    return written.substring(written.lastIndexOf('.') + 1);
  }

  /** Python's keyword for a camelCase prop: {@code backupRetention} to {@code backup_retention}. */
  static String snakeCase(String camel) {
    if (camel == null) return null;
    StringBuilder out = new StringBuilder(camel.length() + 4);
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (Character.isUpperCase(c)) {
        if (i > 0 && camel.charAt(i - 1) != '.') out.append('_');
        out.append(Character.toLowerCase(c));
      } else out.append(c);
    }
    return out.toString();
  }
}

package dev.relplan.rules;

import dev.relplan.rules.change.CodeBreakingMigration;
import dev.relplan.rules.change.DeployAllAtOnce;
import dev.relplan.rules.change.DeployNoAutoRollback;
import dev.relplan.rules.change.NoPreprodEnv;
import dev.relplan.rules.faulttolerance.AsyncNoDlq;
import dev.relplan.rules.faulttolerance.ComputeFixed;
import dev.relplan.rules.faulttolerance.ComputeSingleAz;
import dev.relplan.rules.faulttolerance.ContainerHealthCheck;
import dev.relplan.rules.faulttolerance.DbSingleAz;
import dev.relplan.rules.faulttolerance.DnsFailoverNoHealthCheck;
import dev.relplan.rules.faulttolerance.LbHealthCheck;
import dev.relplan.rules.faulttolerance.MonitoringAlarms;
import dev.relplan.rules.faulttolerance.NatSingle;
import dev.relplan.rules.faulttolerance.PodDisruptionBudget;
import dev.relplan.rules.faulttolerance.SingleRegionForTarget;
import dev.relplan.rules.faulttolerance.StatefulNoReplication;
import dev.relplan.rules.recovery.BackupMissing;
import dev.relplan.rules.recovery.BackupNoCrossRegion;
import dev.relplan.rules.recovery.BackupShortRetention;
import dev.relplan.rules.recovery.DataDeletionPolicy;
import dev.relplan.rules.recovery.RecoveryUntested;
import dev.relplan.rules.resilience.CodeCallExceedsDeadline;
import dev.relplan.rules.resilience.CodeCallNoRetry;
import dev.relplan.rules.resilience.CodeCallNoTimeout;
import dev.relplan.rules.resilience.CodeCallNoTimeoutOrBreaker;
import dev.relplan.rules.resilience.CodeEventHandlerNoIdempotency;
import dev.relplan.rules.resilience.CodeSdkRetriesDisabled;
import dev.relplan.rules.resilience.CodeShallowHealthCheck;
import dev.relplan.rules.resilience.LambdaTimeoutGeApigw;
import dev.relplan.rules.resilience.LivenessProbeChecksDependencies;
import dev.relplan.rules.resilience.SqsVisibilityTimeout;
import dev.relplan.rules.scaling.ApiNoThrottling;
import dev.relplan.rules.scaling.AsgMinEqualsMax;
import dev.relplan.rules.scaling.DynamodbFixedCapacity;
import dev.relplan.rules.scaling.KinesisFixedCapacity;
import dev.relplan.rules.scaling.LambdaNoReservedConcurrency;
import dev.relplan.rules.scaling.QuotaNoAlarms;
import dev.relplan.rules.scaling.ScalingNoPolicy;
import dev.relplan.rules.testing.NoResilienceTesting;
import java.util.List;

/**
 * Every rule, in report order (findings of equal risk and domain are listed in this order). A
 * rule's class is named for its id ({@link RuleMeta#className(String)}) and sits in the package of
 * its domain.
 */
public final class RuleRegistry {
  private RuleRegistry() {}

  public static List<Rule> all() {
    return List.of(
        // Fault tolerance
        new DbSingleAz(),
        new ComputeFixed(),
        new ComputeSingleAz(),
        new PodDisruptionBudget(),
        new LbHealthCheck(),
        new ContainerHealthCheck(),
        new NatSingle(),
        new StatefulNoReplication(),
        new AsyncNoDlq(),
        new DnsFailoverNoHealthCheck(),
        new MonitoringAlarms(),
        new SingleRegionForTarget(),
        // Recovery
        new BackupMissing(),
        new BackupShortRetention(),
        new BackupNoCrossRegion(),
        new RecoveryUntested(),
        new DataDeletionPolicy(),
        // Scaling
        new ScalingNoPolicy(),
        new AsgMinEqualsMax(),
        new QuotaNoAlarms(),
        new LambdaNoReservedConcurrency(),
        new ApiNoThrottling(),
        new DynamodbFixedCapacity(),
        new KinesisFixedCapacity(),
        // Resilience
        new LambdaTimeoutGeApigw(),
        new SqsVisibilityTimeout(),
        new CodeCallNoTimeout(),
        new CodeCallNoTimeoutOrBreaker(),
        new CodeCallExceedsDeadline(),
        new CodeSdkRetriesDisabled(),
        new CodeCallNoRetry(),
        new CodeShallowHealthCheck(),
        new LivenessProbeChecksDependencies(),
        new CodeEventHandlerNoIdempotency(),
        // Change management
        new DeployAllAtOnce(),
        new CodeBreakingMigration(),
        new DeployNoAutoRollback(),
        new NoPreprodEnv(),
        // Testing
        new NoResilienceTesting());
  }
}

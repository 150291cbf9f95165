package dev.relplan.rules;

import dev.relplan.rules.change.AllAtOnceDeployment;
import dev.relplan.rules.change.BreakingMigration;
import dev.relplan.rules.change.NoAutomatedRollback;
import dev.relplan.rules.change.NoPreProductionEnvironment;
import dev.relplan.rules.faulttolerance.DnsFailoverHealthCheck;
import dev.relplan.rules.faulttolerance.FixedCompute;
import dev.relplan.rules.faulttolerance.LoadBalancerHealthCheck;
import dev.relplan.rules.faulttolerance.MissingAlarms;
import dev.relplan.rules.faulttolerance.MissingDeadLetterQueue;
import dev.relplan.rules.faulttolerance.SingleAzCompute;
import dev.relplan.rules.faulttolerance.SingleAzDatabase;
import dev.relplan.rules.faulttolerance.SingleNatGateway;
import dev.relplan.rules.faulttolerance.SingleRegionForTarget;
import dev.relplan.rules.faulttolerance.StatefulNoReplication;
import dev.relplan.rules.recovery.DataDeletedWithStack;
import dev.relplan.rules.recovery.MissingBackup;
import dev.relplan.rules.recovery.NoCrossRegionBackup;
import dev.relplan.rules.recovery.RecoveryNotTested;
import dev.relplan.rules.recovery.ShortRetention;
import dev.relplan.rules.resilience.CallWithoutTimeout;
import dev.relplan.rules.resilience.EventHandlerNoIdempotency;
import dev.relplan.rules.resilience.CallWithoutTimeoutOrBreaker;
import dev.relplan.rules.resilience.LambdaTimeoutVsApiGateway;
import dev.relplan.rules.resilience.SdkRetriesDisabled;
import dev.relplan.rules.resilience.ShallowHealthCheck;
import dev.relplan.rules.resilience.QueueVisibilityTimeout;
import dev.relplan.rules.scaling.ApiNoThrottling;
import dev.relplan.rules.scaling.AsgMinEqualsMax;
import dev.relplan.rules.scaling.DynamoDbProvisionedNoScaling;
import dev.relplan.rules.scaling.KinesisFixedShards;
import dev.relplan.rules.scaling.LambdaReservedConcurrency;
import dev.relplan.rules.scaling.NoAutoScaling;
import dev.relplan.rules.scaling.NoQuotaAlarms;
import dev.relplan.rules.testing.NoResilienceTesting;
import java.util.List;

/** Every rule, in report order. */
public final class RuleRegistry {
  private RuleRegistry() {}

  public static List<Rule> all() {
    return List.of(
        new SingleAzDatabase(), new FixedCompute(), new SingleAzCompute(), new LoadBalancerHealthCheck(), new SingleNatGateway(),
        new StatefulNoReplication(), new MissingDeadLetterQueue(), new DnsFailoverHealthCheck(), new MissingAlarms(), new SingleRegionForTarget(),
        new MissingBackup(), new ShortRetention(), new NoCrossRegionBackup(), new RecoveryNotTested(), new DataDeletedWithStack(),
        new NoAutoScaling(), new AsgMinEqualsMax(), new NoQuotaAlarms(), new LambdaReservedConcurrency(), new ApiNoThrottling(),
        new DynamoDbProvisionedNoScaling(), new KinesisFixedShards(),
        new LambdaTimeoutVsApiGateway(), new QueueVisibilityTimeout(),
        new CallWithoutTimeout(), new CallWithoutTimeoutOrBreaker(), new SdkRetriesDisabled(), new ShallowHealthCheck(), new EventHandlerNoIdempotency(),
        new AllAtOnceDeployment(), new BreakingMigration(), new NoAutomatedRollback(), new NoPreProductionEnvironment(),
        new NoResilienceTesting());
  }
}

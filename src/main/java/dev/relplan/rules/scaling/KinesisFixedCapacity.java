package dev.relplan.rules.scaling;

import dev.relplan.model.Stream;
import dev.relplan.model.Workload;
import dev.relplan.rules.BaseRule;
import dev.relplan.rules.Context;
import dev.relplan.rules.Dialect;
import dev.relplan.rules.Domain;
import dev.relplan.rules.Findings;
import dev.relplan.rules.Fix;
import dev.relplan.rules.Impact;
import dev.relplan.rules.InputFormat;
import dev.relplan.rules.Likelihood;
import dev.relplan.rules.Property;
import dev.relplan.rules.RuleMeta;
import dev.relplan.rules.Tier;

/** Provisioned Kinesis streams whose throughput is capped by a fixed shard count. */
public final class KinesisFixedCapacity extends BaseRule {
  public KinesisFixedCapacity() {
    super(
        RuleMeta.builder("REL-KINESIS-FIXED-CAPACITY")
            .domain(Domain.SCALING)
            .title("Kinesis stream has fixed provisioned shards")
            .bestPractices("REL07-BP01", "REL01-BP03")
            .impact(
                Impact.MODERATE,
                "Writes above the shards' capacity are throttled; producers must retry or drop records.")
            .likelihood(
                Likelihood.MEDIUM,
                "Traffic growth or a burst above the provisioned shards is enough.")
            .tier(Tier.QUICK_WIN)
            .effort("Hours: on-demand mode or a resharding automation")
            .services("Kinesis Data Streams")
            .remediation(
                "Use on-demand capacity mode (StreamModeDetails ON_DEMAND), or alarm on WriteProvisionedThroughputExceeded and automate resharding.")
            .advice(
                Fix.in(
                    Dialect.CLOUDFORMATION,
                    "Use on-demand capacity: StreamModeDetails StreamMode: ON_DEMAND (and no ShardCount), or alarm on WriteProvisionedThroughputExceeded and automate resharding.",
                    """
                Stream:
                  Type: AWS::Kinesis::Stream
                  Properties:
                    StreamModeDetails:
                      StreamMode: ON_DEMAND
                """),
                Fix.in(
                    Dialect.TERRAFORM,
                    "Use on-demand capacity: stream_mode_details { stream_mode = \"ON_DEMAND\" } (and no shard_count), or alarm on WriteProvisionedThroughputExceeded and automate resharding.",
                    """
                resource "aws_kinesis_stream" "events" {
                  # ...
                  stream_mode_details {
                    stream_mode = "ON_DEMAND"
                  }
                }
                """),
                Fix.in(
                    Dialect.CDK,
                    "Use on-demand capacity: streamMode: kinesis.StreamMode.ON_DEMAND (and no shardCount), or alarm on the stream's metricPutRecordsThrottledRecords() and automate resharding.",
                    """
                new kinesis.Stream(this, 'Events', {
                  streamMode: kinesis.StreamMode.ON_DEMAND,
                });
                """),
                Fix.in(
                    Dialect.CDK_PYTHON,
                    "Use on-demand capacity: stream_mode=kinesis.StreamMode.ON_DEMAND (and no shard_count), or alarm on the stream's metric_put_records_throttled_records() and automate resharding.",
                    """
                kinesis.Stream(self, "Events",
                    stream_mode=kinesis.StreamMode.ON_DEMAND,
                )
                """),
                Fix.in(
                    Dialect.CDK_JAVA,
                    "Use on-demand capacity: .streamMode(StreamMode.ON_DEMAND) on the builder (and no shardCount), or alarm on the stream's metricPutRecordsThrottledRecords() and automate resharding.",
                    """
                Stream events = Stream.Builder.create(this, "Events")
                    .streamMode(StreamMode.ON_DEMAND)
                    .build();
                """))
            .formats(
                InputFormat.CLOUDFORMATION,
                InputFormat.TERRAFORM,
                InputFormat.CDK,
                InputFormat.CDK_PYTHON)
            .build());
  }

  @Override
  public void check(Workload w, Context ctx, Findings out) {
    for (Stream s : w.all(Stream.class)) {
      if (s.mode.unresolved()) {
        out.cannotDetermine(this, s, s.mode.note(), Findings.evidence(s, s.mode));
      } else if ("PROVISIONED".equalsIgnoreCase(s.mode.orElse("PROVISIONED"))) {
        out.report(
            this,
            s,
            "Kinesis stream " + s.id + " has fixed provisioned shards",
            "Stream "
                + s.id
                + " is in "
                + s.mode
                + " mode with "
                + Property.SHARD_COUNT.of(s)
                + " "
                + s.shardCount
                + ": its write capacity is fixed.",
            s.mode,
            s.shardCount);
      } else {
        out.strength(
            this,
            "Kinesis stream " + s.id + " uses on-demand capacity",
            Findings.evidence(s, s.mode));
      }
    }
  }
}

package com.example;

import software.amazon.awscdk.*;
import software.amazon.awscdk.services.rds.*;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketProps;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueProps;
import software.constructs.Construct;

public class AppStack extends Stack {
  private final Bucket archive;
  private boolean standby;

  public AppStack(final Construct scope, final String id, final StackProps props) {
    super(scope, id, props);
    this.standby = System.getenv("STANDBY") != null;
    this.archive = new Bucket(this, "Archive", new BucketProps.Builder().versioned(true).build());
    new Queue(this, "Inbox");
    QueueProps outbox = QueueProps.builder().fifo(true).queueName("outbox.fifo").build();
    new Queue(this, "Outbox", outbox);
    new DatabaseInstance(this, "Ledger", DatabaseInstanceProps.builder()
        .engine(DatabaseInstanceEngine.postgres(PostgresInstanceEngineProps.builder().build()))
        .multiAz(standby || !standby)
        .backupRetention(Duration.days(-1))
        .build());
    String name = (String) this.getNode().tryGetContext("name");
    Bucket.Builder.create(this, name).bucketName(name + "-x").build();
  }
}

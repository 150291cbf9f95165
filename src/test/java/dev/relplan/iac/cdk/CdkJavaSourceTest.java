package dev.relplan.iac.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.model.Bucket;
import dev.relplan.model.Database;
import dev.relplan.model.Queue;
import dev.relplan.model.Workload;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.rules.Dialect;
import dev.relplan.source.Location;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A CDK app's Java source read into the same model as its TypeScript would be. */
class CdkJavaSourceTest {
  @TempDir Path dir;

  private static final String FILE = "src/main/java/com/example/AppStack.java";

  private static final String HEADER =
      """
      package com.example;
      import software.amazon.awscdk.Duration;
      import software.amazon.awscdk.RemovalPolicy;
      import software.amazon.awscdk.Stack;
      import software.amazon.awscdk.services.rds.*;
      import software.amazon.awscdk.services.s3.Bucket;
      import software.amazon.awscdk.services.sqs.DeadLetterQueue;
      import software.amazon.awscdk.services.sqs.Queue;
      import software.amazon.awscdk.services.sqs.QueueProps;
      import software.constructs.Construct;
      """;

  private Pipeline.Result run() throws IOException {
    return AppFolder.run(dir);
  }

  /** A stack class whose constructor holds the body. */
  private void stack(String body) throws IOException {
    AppFolder.write(dir, "cdk.json", "{\"app\": \"mvn -e -q compile exec:java\"}\n");
    AppFolder.write(
        dir,
        FILE,
        HEADER
            + "public class AppStack extends Stack {\n"
            + "  public AppStack(final Construct scope, final String id, final String stage) {\n"
            + "    super(scope, id);\n"
            + body
            + "  }\n}\n");
  }

  /** The line of the body's n-th line (1-based) in the stack file. */
  private static Location bodyLine(int n) {
    return new Location(FILE, HEADER.split("\n").length + 3 + n);
  }

  private Workload workload() throws IOException {
    return run().workload();
  }

  @Test
  void aBuilderCreateChainIsAConstructWithItsSetterLine() throws IOException {
    stack(
        """
            Bucket.Builder.create(this, "Uploads")
                .versioned(true)
                .build();
        """);
    Bucket b = workload().all(Bucket.class).get(0);
    assertThat(b.id).isEqualTo("AppStack/Uploads");
    assertThat(b.location).isEqualTo(bodyLine(1));
    assertThat(b.versioning.get()).isEqualTo("Enabled");
    assertThat(b.versioning.trace()).containsExactly(bodyLine(2));
    assertThat(b.declaredType).isEqualTo("software.amazon.awscdk.services.s3.Bucket");
    assertThat(Dialect.of(b)).isEqualTo(Dialect.CDK_JAVA);
  }

  @Test
  void aQueueWithoutPropsTakesTheConstructDefaults() throws IOException {
    stack("    new Queue(this, \"Orders\");\n");
    Queue q = workload().all(Queue.class).get(0);
    assertThat(q.id).isEqualTo("AppStack/Orders");
    assertThat(q.location).isEqualTo(bodyLine(1));
    assertThat(q.visibilityTimeout.isExplicit()).isFalse();
    assertThat(q.visibilityTimeout.get()).isEqualTo(30);
  }

  @Test
  void aDatabaseWithoutMultiAzIsSingleAzByTheConstructDefault() throws IOException {
    stack(
        """
            DatabaseInstance.Builder.create(this, "Db")
                .engine(DatabaseInstanceEngine.postgres(PostgresInstanceEngineProps.builder().build()))
                .build();
        """);
    Database db = workload().all(Database.class).get(0);
    assertThat(db.multiAz.isFalse()).isTrue();
    assertThat(db.multiAz.note()).contains("AWS CDK construct aws_rds.DatabaseInstance");
    assertThat(db.engine.get()).isEqualTo("postgres");
  }
}

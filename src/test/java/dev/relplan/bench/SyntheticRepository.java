package dev.relplan.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes synthetic repositories of a chosen size for benchmarks: CloudFormation stacks ({@link
 * #write}), or a mixed corpus ({@link #writeCorpus}) of SAM and CloudFormation templates, parameter
 * files, Terraform root configurations calling a shared module, application code and data files.
 * Every input format added later joins {@link #writeService}; Kubernetes manifests are written on
 * their own ({@link #writeKubernetes}), and so are the issue 11 formats ({@link
 * #writeIssue11Formats}), so the corpus figures in docs/performance.md stay comparable.
 */
public final class SyntheticRepository {
  /** Files {@link #writeService} writes for one service. */
  public static final int FILES_PER_SERVICE = 10;

  /** Files {@link #writeIssue11Service} writes for one service, one of each issue 11 format. */
  public static final int FILES_PER_ISSUE11_SERVICE = 4;

  private SyntheticRepository() {}

  /**
   * Writes a corpus of about {@code files} files: usage {@code SyntheticRepository DIR FILES}, e.g.
   * 1000, 10000 or 100000.
   */
  public static void main(String[] args) throws IOException {
    Path dir = Files.createDirectories(Path.of(args[0]));
    int files = Integer.parseInt(args[1]);
    if (args.length > 2 && args[2].equals("issue11")) writeIssue11Formats(dir, files);
    else writeCorpus(dir, files);
  }

  /** A mixed corpus of about {@code files} files, {@link #FILES_PER_SERVICE} a service. */
  public static Path writeCorpus(Path dir, int files) throws IOException {
    Path module = Files.createDirectories(dir.resolve("modules/queue"));
    Files.writeString(
        module.resolve("main.tf"),
        "variable \"name\" {}\nvariable \"retention\" { default = 345600 }\n"
            + "resource \"aws_sqs_queue\" \"dlq\" { name = \"${var.name}-dlq\" }\n"
            + "resource \"aws_sqs_queue\" \"this\" {\n  name = var.name\n"
            + "  message_retention_seconds = var.retention\n"
            + "  redrive_policy = jsonencode({ deadLetterTargetArn = aws_sqs_queue.dlq.arn,"
            + " maxReceiveCount = 5 })\n}\n");
    for (int i = 0; i < Math.max(1, files / FILES_PER_SERVICE); i++) {
      writeService(Files.createDirectories(dir.resolve("services/svc-" + i)), i);
    }
    return dir;
  }

  /** One service: SAM, CloudFormation, parameters, Terraform, Python, JavaScript, Java, data. */
  static void writeService(Path dir, int i) throws IOException {
    Files.writeString(
        dir.resolve("template.yaml"),
        "AWSTemplateFormatVersion: '2010-09-09'\nTransform: AWS::Serverless-2016-10-31\n"
            + "Resources:\n  Fn"
            + i
            + ":\n    Type: AWS::Serverless::Function\n    Properties:\n"
            + "      Handler: app.handler\n      Runtime: python3.12\n      CodeUri: src/\n"
            + "      Events:\n        Q:\n          Type: SQS\n          Properties:\n"
            + "            Queue: !GetAtt Queue.Arn\n"
            + "  Queue:\n    Type: AWS::SQS::Queue\n"
            + "  Table:\n    Type: AWS::DynamoDB::Table\n    Properties:\n"
            + "      BillingMode: PAY_PER_REQUEST\n");
    Files.writeString(
        dir.resolve("database.yaml"),
        "AWSTemplateFormatVersion: '2010-09-09'\nParameters:\n  Env:\n    Type: String\n"
            + "Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n"
            + "      Engine: postgres\n      MultiAZ: false\n      BackupRetentionPeriod: 1\n");
    Files.writeString(dir.resolve("database-prod.json"), "{\"Parameters\": {\"Env\": \"prod\"}}\n");
    Path tf = Files.createDirectories(dir.resolve("terraform"));
    Files.writeString(
        tf.resolve("main.tf"),
        "module \"orders\" {\n  source = \"../../../modules/queue\"\n  name = \"orders-"
            + i
            + "\"\n  retention = var.retention\n}\n"
            + "resource \"aws_db_instance\" \"db\" {\n  engine = \"postgres\"\n"
            + "  instance_class = \"db.t3.micro\"\n  multi_az = var.multi_az\n}\n");
    Files.writeString(
        tf.resolve("variables.tf"),
        "variable \"retention\" { default = 86400 }\nvariable \"multi_az\" { default = false }\n");
    Files.writeString(tf.resolve("prod.tfvars"), "multi_az = true\n");
    Path src = Files.createDirectories(dir.resolve("src"));
    Files.writeString(
        src.resolve("app.py"),
        "import boto3\n\nsqs = boto3.client('sqs')\n\n\ndef handler(event, context):\n"
            + "    sqs.send_message(QueueUrl='q', MessageBody='x')\n    return {'ok': True}\n");
    Files.writeString(
        src.resolve("client.js"),
        "const { DynamoDBClient, PutItemCommand } = require('@aws-sdk/client-dynamodb');\n"
            + "const db = new DynamoDBClient({});\n"
            + "exports.put = async (item) => db.send(new PutItemCommand({ TableName: 't', Item: item }));\n");
    Files.writeString(
        src.resolve("Orders" + i + ".java"),
        "package orders;\n\nimport java.net.http.HttpClient;\n\npublic class Orders"
            + i
            + " {\n  private final HttpClient http = HttpClient.newHttpClient();\n}\n");
    Files.writeString(
        dir.resolve("package-lock.json"),
        "{\"name\": \"svc-" + i + "\", \"lockfileVersion\": 3, \"packages\": {}}\n");
  }

  /**
   * {@code stacks} templates, each with a database, a queue and DLQ, a function with an SQS event,
   * an ASG and an alarm.
   */
  public static Path write(Path dir, int stacks) throws IOException {
    for (int i = 0; i < stacks; i++) {
      StringBuilder t = new StringBuilder();
      t.append("AWSTemplateFormatVersion: '2010-09-09'\nTransform: AWS::Serverless-2016-10-31\n");
      t.append(
          "Parameters:\n  Environment:\n    Type: String\n    Default: prod\n    AllowedValues: [dev, staging, prod]\n");
      t.append("Conditions:\n  IsProd: !Equals [!Ref Environment, prod]\n");
      t.append("Globals:\n  Function:\n    Timeout: 10\n    Runtime: python3.12\n");
      t.append("Resources:\n");
      for (int j = 0; j < 5; j++) {
        String s = "S" + i + "x" + j;
        t.append("  Db")
            .append(s)
            .append(":\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n")
            .append("      MultiAZ: !If [IsProd, true, false]\n      BackupRetentionPeriod: 7\n");
        t.append("  Dlq").append(s).append(":\n    Type: AWS::SQS::Queue\n");
        t.append("  Queue")
            .append(s)
            .append(":\n    Type: AWS::SQS::Queue\n    Properties:\n      RedrivePolicy:\n")
            .append("        deadLetterTargetArn: !GetAtt Dlq")
            .append(s)
            .append(".Arn\n        maxReceiveCount: 5\n");
        t.append("  Fn")
            .append(s)
            .append(
                ":\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: app.handler\n")
            .append(
                "      Events:\n        Q:\n          Type: SQS\n          Properties:\n            Queue: !GetAtt Queue")
            .append(s)
            .append(".Arn\n");
        t.append("  Asg")
            .append(s)
            .append(
                ":\n    Type: AWS::AutoScaling::AutoScalingGroup\n    Properties:\n      MinSize: '2'\n      MaxSize: '6'\n")
            .append("      HealthCheckType: ELB\n");
        t.append("  Alarm")
            .append(s)
            .append(
                ":\n    Type: AWS::CloudWatch::Alarm\n    Properties:\n      Namespace: AWS/SQS\n")
            .append(
                "      MetricName: ApproximateAgeOfOldestMessage\n      AlarmActions: [arn:aws:sns:us-east-1:111122223333:ops]\n");
      }
      Files.writeString(dir.resolve("stack-" + i + ".yaml"), t);
    }
    return dir;
  }

  /**
   * About {@code objects} Kubernetes objects, five a file: a Deployment (one replica in every third
   * file), its Service, an autoscaler or not, a disruption budget and a ConfigMap.
   */
  public static Path writeKubernetes(Path dir, int objects) throws IOException {
    Path manifests = Files.createDirectories(dir.resolve("k8s"));
    for (int i = 0; i < Math.max(1, objects / 5); i++) {
      String name = "svc-" + i;
      String ns = "team-" + i % 10;
      String meta = "metadata:\n  name: " + name + "\n  namespace: " + ns + "\n";
      StringBuilder m = new StringBuilder();
      m.append("apiVersion: apps/v1\nkind: Deployment\n").append(meta);
      m.append("spec:\n  replicas: ").append(i % 3 == 0 ? 1 : 3).append('\n');
      m.append("  selector:\n    matchLabels: {app: ").append(name).append("}\n");
      m.append("  template:\n    metadata:\n      labels: {app: ").append(name).append("}\n");
      m.append("    spec:\n      containers:\n        - name: app\n          image: app:1\n");
      if (i % 2 == 0) m.append("          readinessProbe: {httpGet: {path: /ready, port: 8080}}\n");
      m.append("---\napiVersion: v1\nkind: Service\n").append(meta);
      m.append("spec:\n  selector: {app: ").append(name).append("}\n");
      m.append("---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\n").append(meta);
      m.append("spec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: ")
          .append(i % 4 == 0 ? "other" : name)
          .append("}\n  minReplicas: 2\n  maxReplicas: 6\n");
      m.append("---\napiVersion: policy/v1\nkind: PodDisruptionBudget\n").append(meta);
      m.append("spec:\n  maxUnavailable: 1\n  selector:\n    matchExpressions:\n");
      m.append("      - {key: app, operator: In, values: [").append(name).append("]}\n");
      m.append("---\napiVersion: v1\nkind: ConfigMap\n").append(meta);
      m.append("data:\n  LOG_LEVEL: info\n");
      Files.writeString(manifests.resolve(name + ".yaml"), m);
    }
    return dir;
  }

  /**
   * About {@code files} files of the issue 11 formats, {@link #FILES_PER_ISSUE11_SERVICE} a
   * service: a Serverless Framework service, a Compose file, an ECS task definition and a CDK stack
   * (in TypeScript, Python and Java in turn). Usage from the command line: {@code
   * SyntheticRepository DIR FILES issue11}.
   */
  public static Path writeIssue11Formats(Path dir, int files) throws IOException {
    for (int i = 0; i < Math.max(1, files / FILES_PER_ISSUE11_SERVICE); i++) {
      writeIssue11Service(Files.createDirectories(dir.resolve("apps/app-" + i)), i);
    }
    return dir;
  }

  /** One service in each issue 11 format; every file gives at least one finding. */
  static void writeIssue11Service(Path dir, int i) throws IOException {
    Files.writeString(dir.resolve("serverless.yml"), serverlessService(i));
    Files.writeString(dir.resolve("docker-compose.yml"), composeFile(i));
    Files.writeString(dir.resolve("taskdef.json"), taskDefinition(i));
    Path lib = Files.createDirectories(dir.resolve("lib"));
    // The CDK stack's language turns: TypeScript, Python, Java.
    switch (i % 3) {
      case 0 -> Files.writeString(lib.resolve("app-" + i + "-stack.ts"), cdkStack(i));
      case 1 -> Files.writeString(lib.resolve("app_" + i + "_stack.py"), cdkPythonStack(i));
      default -> Files.writeString(lib.resolve("App" + i + "Stack.java"), cdkJavaStack(i));
    }
  }

  /**
   * Two functions, an SQS event without a DLQ on its queue and a stream event; a table, and the ECS
   * service that runs the task definition of {@link #taskDefinition}.
   */
  private static String serverlessService(int i) {
    return "service: app-"
        + i
        + "\nframeworkVersion: \"3\"\nprovider:\n  name: aws\n  runtime: nodejs18.x\n"
        + "  stage: prod\n  region: eu-west-1\nfunctions:\n  work:\n"
        + "    handler: src/work.handler\n    events:\n      - sqs:\n"
        + "          arn: !GetAtt WorkQueue.Arn\n          batchSize: 10\n  project:\n"
        + "    handler: src/project.handler\n    events:\n      - stream:\n"
        + "          type: kinesis\n          arn: arn:aws:kinesis:eu-west-1:111122223333:stream/s-"
        + i
        + "\n          batchSize: 100\nresources:\n  Resources:\n    WorkQueue:\n"
        + "      Type: AWS::SQS::Queue\n    Items:\n      Type: AWS::DynamoDB::Table\n"
        + "      Properties:\n        BillingMode: PAY_PER_REQUEST\n    Worker:\n"
        + "      Type: AWS::ECS::Service\n      Properties:\n        Cluster: apps\n"
        + "        TaskDefinition: app-"
        + i
        + "\n        DesiredCount: 2\n        LaunchType: FARGATE\n";
  }

  /** An application, a cache, and a PostgreSQL database on a named volume. */
  private static String composeFile(int i) {
    return "services:\n  app:\n    image: registry.example.com/app-"
        + i
        + ":1.0.0\n    restart: unless-stopped\n    depends_on: [db]\n    deploy:\n"
        + "      replicas: 2\n  db:\n    image: postgres:16.3\n    restart: unless-stopped\n"
        + "    volumes:\n      - data:/var/lib/postgresql/data\n  cache:\n"
        + "    image: redis:7.2\nvolumes:\n  data: {}\n";
  }

  /** A Fargate task definition whose essential container has no health check. */
  private static String taskDefinition(int i) {
    return "{\n  \"family\": \"app-"
        + i
        + "\",\n  \"networkMode\": \"awsvpc\",\n  \"requiresCompatibilities\": [\"FARGATE\"],\n"
        + "  \"cpu\": \"512\",\n  \"memory\": \"1024\",\n  \"containerDefinitions\": [\n"
        + "    {\"name\": \"app\", \"image\": \"registry.example.com/app:1.0.0\", \"essential\": true}\n"
        + "  ]\n}\n";
  }

  /** {@link #cdkStack} written in Python. */
  private static String cdkPythonStack(int i) {
    return "from aws_cdk import Stack, aws_dynamodb as dynamodb, aws_sqs as sqs, aws_lambda as lambda_\n"
        + "from aws_cdk.aws_lambda_event_sources import SqsEventSource\n"
        + "from constructs import Construct\n\n\n"
        + "class App"
        + i
        + "Stack(Stack):\n"
        + "    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:\n"
        + "        super().__init__(scope, construct_id, **kwargs)\n"
        + "        dynamodb.Table(\n            self, \"Items\",\n"
        + "            partition_key=dynamodb.Attribute(name=\"pk\", type=dynamodb.AttributeType.STRING),\n"
        + "            billing_mode=dynamodb.BillingMode.PAY_PER_REQUEST,\n        )\n"
        + "        queue = sqs.Queue(self, \"Work\")\n"
        + "        worker = lambda_.Function(\n            self, \"Worker\",\n"
        + "            runtime=lambda_.Runtime.PYTHON_3_12,\n            handler=\"index.handler\",\n"
        + "            code=lambda_.Code.from_asset(\"src\"),\n        )\n"
        + "        worker.add_event_source(SqsEventSource(queue))\n";
  }

  /** {@link #cdkStack} written in Java. */
  private static String cdkJavaStack(int i) {
    return "package com.example;\n\n"
        + "import software.amazon.awscdk.Stack;\n"
        + "import software.amazon.awscdk.services.dynamodb.Attribute;\n"
        + "import software.amazon.awscdk.services.dynamodb.AttributeType;\n"
        + "import software.amazon.awscdk.services.dynamodb.BillingMode;\n"
        + "import software.amazon.awscdk.services.dynamodb.Table;\n"
        + "import software.amazon.awscdk.services.lambda.Code;\n"
        + "import software.amazon.awscdk.services.lambda.Function;\n"
        + "import software.amazon.awscdk.services.lambda.Runtime;\n"
        + "import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;\n"
        + "import software.amazon.awscdk.services.sqs.Queue;\n"
        + "import software.constructs.Construct;\n\n"
        + "public class App"
        + i
        + "Stack extends Stack {\n"
        + "  public App"
        + i
        + "Stack(final Construct scope, final String id) {\n"
        + "    super(scope, id);\n"
        + "    Table.Builder.create(this, \"Items\")\n"
        + "        .partitionKey(Attribute.builder().name(\"pk\").type(AttributeType.STRING).build())\n"
        + "        .billingMode(BillingMode.PAY_PER_REQUEST)\n        .build();\n"
        + "    Queue queue = Queue.Builder.create(this, \"Work\").build();\n"
        + "    Function worker = Function.Builder.create(this, \"Worker\")\n"
        + "        .runtime(Runtime.JAVA_21)\n        .handler(\"com.example.Worker::handleRequest\")\n"
        + "        .code(Code.fromAsset(\"src\"))\n        .build();\n"
        + "    worker.addEventSource(new SqsEventSource(queue));\n  }\n}\n";
  }

  /** A CDK stack with a table without point-in-time recovery, a queue and a function on it. */
  private static String cdkStack(int i) {
    return "import * as cdk from 'aws-cdk-lib';\n"
        + "import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';\n"
        + "import * as sqs from 'aws-cdk-lib/aws-sqs';\n"
        + "import * as lambda from 'aws-cdk-lib/aws-lambda';\n"
        + "import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';\n"
        + "import { Construct } from 'constructs';\n\n"
        + "export class App"
        + i
        + "Stack extends cdk.Stack {\n"
        + "  constructor(scope: Construct, id: string, props?: cdk.StackProps) {\n"
        + "    super(scope, id, props);\n"
        + "    new dynamodb.Table(this, 'Items', {\n"
        + "      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },\n"
        + "      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,\n    });\n"
        + "    const queue = new sqs.Queue(this, 'Work');\n"
        + "    const worker = new lambda.Function(this, 'Worker', {\n"
        + "      runtime: lambda.Runtime.NODEJS_18_X,\n      handler: 'index.handler',\n"
        + "      code: lambda.Code.fromAsset('src'),\n    });\n"
        + "    worker.addEventSource(new SqsEventSource(queue));\n  }\n}\n";
  }
}

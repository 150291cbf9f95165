package dev.relplan.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.iac.cdk.CdkAdapter;
import dev.relplan.iac.cloudformation.CloudFormationAdapter;
import dev.relplan.iac.compose.ComposeAdapter;
import dev.relplan.iac.ecs.TaskDefinitionAdapter;
import dev.relplan.iac.serverless.ServerlessAdapter;
import dev.relplan.parse.JsonLoader;
import dev.relplan.parse.Node;
import dev.relplan.parse.ParseException;
import java.util.List;

/**
 * The adapters of the formats added after the first campaign (Serverless Framework, CDK TypeScript,
 * Python and Java, Docker Compose and Dockerfiles, ECS task definitions): whatever the bytes, each
 * file the adapter claims is assessed or listed as skipped with its reason; any exception escaping
 * {@code adapt} or {@code link} is a crash. Inputs under {@code
 * ServerlessCdkComposeEcsFuzzTestInputs/<method>/}; see docs/fuzzing.md.
 */
class ServerlessCdkComposeEcsFuzzTest {
  /** A service file: its functions, events, {@code resources}, and variable resolution. */
  @FuzzTest(maxDuration = "60s")
  void serverlessServiceIsAssessedOrSkipped(byte[] input) {
    String content = FuzzInputs.text(input);
    List<Node> documents = FuzzInputs.yamlDocuments("serverless.yml", content);
    SourceFile service = FuzzInputs.file("serverless.yml", FileKind.OTHER, content, documents);
    FuzzInputs.adaptClaimed(
        new ServerlessAdapter(new CloudFormationAdapter(List.of())), List.of(service));
  }

  /** A TypeScript stack read from source (the app not synthesised), beside the app's cdk.json. */
  @FuzzTest(maxDuration = "60s")
  void cdkTypeScriptStackIsAssessedOrSkipped(byte[] input) {
    SourceFile stack = FuzzInputs.code("lib/app-stack.ts", input);
    SourceFile cdkJson =
        FuzzInputs.file("cdk.json", FileKind.OTHER, CDK_JSON, List.of(json("cdk.json", CDK_JSON)));
    FuzzInputs.adaptClaimed(new CdkAdapter(), List.of(cdkJson, stack));
  }

  /** A Python stack read from source (keyword arguments, helpers), beside the app's cdk.json. */
  @FuzzTest(maxDuration = "60s")
  void cdkPythonStackIsAssessedOrSkipped(byte[] input) {
    SourceFile stack = FuzzInputs.code("stacks/app_stack.py", input);
    SourceFile cdkJson =
        FuzzInputs.file(
            "cdk.json",
            FileKind.OTHER,
            CDK_JSON_PYTHON,
            List.of(json("cdk.json", CDK_JSON_PYTHON)));
    FuzzInputs.adaptClaimed(new CdkAdapter(), List.of(cdkJson, stack));
  }

  /** A Java stack read from source (builders, props, event sources), beside the app's cdk.json. */
  @FuzzTest(maxDuration = "60s")
  void cdkJavaStackIsAssessedOrSkipped(byte[] input) {
    SourceFile stack = FuzzInputs.code("src/main/java/com/example/AppStack.java", input);
    SourceFile cdkJson =
        FuzzInputs.file(
            "cdk.json", FileKind.OTHER, CDK_JSON_JAVA, List.of(json("cdk.json", CDK_JSON_JAVA)));
    FuzzInputs.adaptClaimed(new CdkAdapter(), List.of(cdkJson, stack));
  }

  /** A Compose file whose services build from a fixed Dockerfile beside it. */
  @FuzzTest(maxDuration = "60s")
  void composeProjectIsAssessedOrSkipped(byte[] input) {
    String content = FuzzInputs.text(input);
    SourceFile compose =
        FuzzInputs.file(
            "compose.yaml",
            FileKind.OTHER,
            content,
            FuzzInputs.yamlDocuments("compose.yaml", content));
    SourceFile dockerfile = FuzzInputs.file("Dockerfile", FileKind.OTHER, DOCKERFILE, List.of());
    FuzzInputs.adaptClaimed(new ComposeAdapter(), List.of(compose, dockerfile));
  }

  /** A Dockerfile (stages, HEALTHCHECK) that a fixed Compose service builds. */
  @FuzzTest(maxDuration = "60s")
  void dockerfileOfAComposeServiceIsAssessedOrSkipped(byte[] input) {
    SourceFile compose =
        FuzzInputs.file(
            "compose.yaml",
            FileKind.OTHER,
            COMPOSE,
            FuzzInputs.yamlDocuments("compose.yaml", COMPOSE));
    SourceFile dockerfile =
        FuzzInputs.file("Dockerfile", FileKind.OTHER, FuzzInputs.text(input), List.of());
    FuzzInputs.adaptClaimed(new ComposeAdapter(), List.of(compose, dockerfile));
  }

  /** A registered task definition (or the input of register-task-definition) in JSON. */
  @FuzzTest(maxDuration = "60s")
  void ecsTaskDefinitionIsAssessedOrSkipped(byte[] input) {
    String content = FuzzInputs.text(input);
    Node document;
    try {
      document = JsonLoader.load("task-definition.json", content);
    } catch (ParseException expected) {
      return; // discovery lists the file as skipped with this located error
    }
    List<Node> documents = document == null ? List.of() : List.of(document);
    SourceFile definition =
        FuzzInputs.file("task-definition.json", FileKind.OTHER, content, documents);
    FuzzInputs.adaptClaimed(new TaskDefinitionAdapter(), List.of(definition));
  }

  private static final String CDK_JSON = "{\"app\": \"npx ts-node bin/app.ts\"}";

  private static final String CDK_JSON_PYTHON = "{\"app\": \"python3 app.py\"}";

  private static final String CDK_JSON_JAVA = "{\"app\": \"mvn -e -q compile exec:java\"}";

  private static final String DOCKERFILE =
      "FROM node:20-slim AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci\n"
          + "FROM node:20-slim\nCOPY --from=build /app /app\n"
          + "HEALTHCHECK --interval=30s CMD curl -f http://localhost:8080/health || exit 1\n"
          + "CMD [\"node\", \"/app/server.js\"]\n";

  private static final String COMPOSE =
      "services:\n  web:\n    build: .\n    ports: [\"8080:8080\"]\n"
          + "    depends_on:\n      db: {condition: service_healthy}\n"
          + "  db:\n    image: postgres:16\n    volumes: [data:/var/lib/postgresql/data]\n"
          + "volumes:\n  data: {}\n";

  private static Node json(String display, String text) {
    try {
      return JsonLoader.load(display, text);
    } catch (ParseException e) {
      throw new IllegalStateException(e);
    }
  }
}

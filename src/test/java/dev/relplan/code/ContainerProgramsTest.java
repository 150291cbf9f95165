package dev.relplan.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.assess.Assessment;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.rules.Context;
import dev.relplan.rules.Finding;
import dev.relplan.rules.Risk;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A program in a service's folder that the container's entry point does not run (a test client
 * beside the server) is rated one level lower; the service's own code keeps its rating.
 */
class ContainerProgramsTest {
  @TempDir Path dir;

  private static final String PY_CALL =
      """
      import requests

      def fetch():
          return requests.get("https://api.example.com/items")
      """;

  private static final String PY_MAIN =
      """

      if __name__ == "__main__":
          fetch()
      """;

  private static final String JS_CALL =
      """
      const axios = require('axios');
      function fetchItems() { return axios.get('https://api.example.com/items'); }
      module.exports = { fetchItems };
      """;

  private void write(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }

  private Finding noTimeoutIn(String file) throws IOException {
    List<Finding> found =
        Pipeline.run(new Pipeline.Request(List.of(dir), "t", Context.defaults(), List.of()))
            .assessment()
            .findings()
            .stream()
            .map(Assessment.NumberedFinding::finding)
            .filter(f -> f.rule().id().equals("REL-CODE-CALL-NO-TIMEOUT"))
            .filter(f -> f.evidence().get(0).file().equals(file))
            .toList();
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  private void pythonService() throws IOException {
    write(
        "svc/Dockerfile",
        "FROM python:3.12\nWORKDIR /app\nCOPY . .\nCMD [\"python\", \"server.py\"]\n");
    write("svc/server.py", "import helpers\n" + PY_CALL + PY_MAIN);
  }

  @Test
  void aPythonClientBesideTheServerIsRatedAsNotProduction() throws IOException {
    pythonService();
    write("svc/client.py", PY_CALL + PY_MAIN);
    Finding f = noTimeoutIn("svc/client.py");
    assertThat(f.risk()).isEqualTo(Risk.MEDIUM);
    assertThat(f.impactReason())
        .contains(
            "not production",
            "a program run by hand, not the container's entry point svc/server.py"
                + " (svc/Dockerfile:4)",
            "(svc/client.py:6)");
  }

  @Test
  void theServersOwnCallKeepsItsRating() throws IOException {
    pythonService();
    write("svc/client.py", PY_CALL + PY_MAIN);
    assertThat(noTimeoutIn("svc/server.py").risk()).isEqualTo(Risk.HIGH);
  }

  @Test
  void aModuleTheServerImportsKeepsItsRatingEvenWithAMainBlock() throws IOException {
    pythonService();
    write("svc/helpers.py", PY_CALL + PY_MAIN);
    assertThat(noTimeoutIn("svc/helpers.py").risk()).isEqualTo(Risk.HIGH);
  }

  @Test
  void aModuleImportedThroughAPackageKeepsItsRating() throws IOException {
    pythonService();
    write("svc/server.py", "from app.clients import fetch\n" + PY_MAIN);
    write("svc/app/__init__.py", "");
    write("svc/app/clients.py", PY_CALL + PY_MAIN);
    assertThat(noTimeoutIn("svc/app/clients.py").risk()).isEqualTo(Risk.HIGH);
  }

  @Test
  void anEntrypointThatIsAShellScriptChangesNothing() throws IOException {
    write("svc/Dockerfile", "FROM python:3.12\nENTRYPOINT [\"./start.sh\"]\n");
    write("svc/server.py", PY_CALL + PY_MAIN);
    write("svc/client.py", PY_CALL + PY_MAIN);
    assertThat(noTimeoutIn("svc/client.py").risk()).isEqualTo(Risk.HIGH);
  }

  @Test
  void aPackageJsonMainNamesNoProgramAnythingRuns() throws IOException {
    // A Lambda project's package.json often names one handler as its main; the other handlers,
    // which nothing imports, are not developer programs.
    write("src/package.json", "{\"name\": \"translator\", \"main\": \"check.js\"}\n");
    write("src/check.js", JS_CALL);
    write("src/speech.js", JS_CALL);
    assertThat(noTimeoutIn("src/speech.js").risk()).isEqualTo(Risk.HIGH);
  }

  @Test
  void aComputedImportInTheServerChangesNothing() throws IOException {
    pythonService();
    write("svc/server.py", "import importlib\nimportlib.import_module(NAME)\n" + PY_MAIN);
    write("svc/client.py", PY_CALL + PY_MAIN);
    assertThat(noTimeoutIn("svc/client.py").risk()).isEqualTo(Risk.HIGH);
  }

  @Test
  void codeALambdaFunctionOwnsIsNeverMarked() throws IOException {
    pythonService();
    write("svc/client.py", PY_CALL.replace("def fetch():", "def handler(event, ctx):") + PY_MAIN);
    write(
        "template.yaml",
        """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fetch:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: svc/
              Handler: client.handler
              Runtime: python3.12
        """);
    assertThat(noTimeoutIn("svc/client.py").impactReason()).doesNotContain("not production");
  }

  @Test
  void aProcfileNamesTheEntryWhenThereIsNoDockerfile() throws IOException {
    write("app/Procfile", "web: gunicorn server:app --bind 0.0.0.0:$PORT\n");
    write("app/server.py", "import requests\napp = object()\n");
    write("app/seed.py", PY_CALL + PY_MAIN);
    assertThat(noTimeoutIn("app/seed.py").impactReason())
        .contains("not the container's entry point app/server.py (app/Procfile:1)");
  }

  @Test
  void aJavaScriptClientNothingImportsIsRatedAsNotProduction() throws IOException {
    write("web/Dockerfile", "FROM node:20\nWORKDIR /usr/src/app\nCOPY . .\nCMD node server.js\n");
    write("web/server.js", "const items = require('./items');\nitems.fetchItems();\n");
    write("web/items.js", JS_CALL);
    write("web/client.js", JS_CALL);
    assertThat(noTimeoutIn("web/client.js").impactReason())
        .contains("not the container's entry point web/server.js (web/Dockerfile:4)");
    assertThat(noTimeoutIn("web/items.js").risk()).isEqualTo(Risk.HIGH);
  }

  @Test
  void npmStartIsFollowedToPackageJsonsStartScript() throws IOException {
    write("web/Dockerfile", "FROM node:20\nCMD [\"npm\", \"start\"]\n");
    write(
        "web/package.json", "{\n  \"scripts\": {\n    \"start\": \"node src/index.js\"\n  }\n}\n");
    write("web/src/index.js", "console.log('up');\n");
    write("web/tools/smoke.js", JS_CALL);
    assertThat(noTimeoutIn("web/tools/smoke.js").impactReason())
        .contains("not the container's entry point web/src/index.js (web/Dockerfile:2)");
  }

  @Test
  void aJavaClassWithItsOwnMainIsRatedAsNotProductionBesideTheStartScriptsMainClass()
      throws IOException {
    write(
        "ads/Dockerfile",
        "FROM eclipse-temurin:21\nENTRYPOINT [\"/app/build/install/ads/bin/AdServer\"]\n");
    write(
        "ads/build.gradle",
        """
        plugins { id 'application' }
        task adServer(type: CreateStartScripts) {
            mainClass.set('shop.AdServer')
            applicationName = 'AdServer'
        }
        task adClient(type: CreateStartScripts) {
            mainClass.set('shop.AdClient')
            applicationName = 'AdClient'
        }
        """);
    String call =
        """
            try (var in = new java.net.URL("https://ads.example.com/x").openStream()) {
              in.read();
            }
        """;
    write(
        "ads/src/main/java/shop/AdServer.java",
        "package shop;\npublic class AdServer {\n  public static void main(String[] a) throws Exception {\n"
            + call
            + "  }\n}\n");
    write(
        "ads/src/main/java/shop/AdClient.java",
        "package shop;\npublic class AdClient {\n  public static void main(String[] a) throws Exception {\n"
            + call
            + "  }\n}\n");
    assertThat(noTimeoutIn("ads/src/main/java/shop/AdClient.java").impactReason())
        .contains("not the container's entry point shop.AdServer (ads/Dockerfile:2)");
    assertThat(noTimeoutIn("ads/src/main/java/shop/AdServer.java").risk()).isEqualTo(Risk.HIGH);
  }
}

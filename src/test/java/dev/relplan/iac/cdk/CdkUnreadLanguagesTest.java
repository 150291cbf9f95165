package dev.relplan.iac.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.discover.Discovery;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.Workload;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CdkUnreadLanguagesTest {
  private static SourceFile code(String name, String text) {
    return new SourceFile(Path.of(name), name, FileKind.SOURCE_CODE, text, List.of());
  }

  @Test
  void cdkAppsInCsharpAreCountedInANoteAndJavaOnesAreNot() {
    CdkAdapter cdk = new CdkAdapter();
    List<SourceFile> files =
        List.of(
            code(
                "src/main/java/com/example/OrdersStack.java",
                "import software.amazon.awscdk.services.sqs.Queue;\nclass OrdersStack {}\n"),
            code("src/CdkStack.cs", "using Amazon.CDK;\nclass CdkStack {}\n"),
            code("src/Program.cs", "using Amazon.CDK;\nclass Program {}\n"));
    assertThat(files).allMatch(cdk::claims);
    Workload w = new Workload();
    cdk.adapt(new Discovery.Result(files, List.of(), Map.of(), List.of("")), w);

    assertThat(w.resources()).isEmpty();
    assertThat(cdk.notes())
        .containsExactly(
            "AWS CDK: 2 C# file(s) of CDK apps not read (CDK apps are read in TypeScript, Python and Java, or from their synthesised cdk.out templates): the resources they declare are not in this plan");
  }
}

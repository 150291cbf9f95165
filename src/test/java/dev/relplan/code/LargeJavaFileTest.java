package dev.relplan.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.code.java.JavaCodeScanner;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A class with thousands of fields and methods, each sending through a shared client: following a
 * variable by scanning every field, call and assignment of the class made such a file quadratic.
 */
class LargeJavaFileTest {
  private static String bigClass(int members) {
    StringBuilder sb =
        new StringBuilder(
            """
            import software.amazon.awssdk.services.sqs.SqsClient;
            import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
            public class Big {
              private final SqsClient sqs = SqsClient.builder().build();
            """);
    for (int i = 0; i < members; i++) {
      sb.append("  private String url").append(i).append(" = \"q").append(i).append("\";\n");
      sb.append("  public void send").append(i).append("(String body) {\n");
      sb.append("    String text").append(i).append(" = body + url").append(i).append(";\n");
      sb.append("    sqs.sendMessage(SendMessageRequest.builder().queueUrl(url")
          .append(i)
          .append(").messageBody(text")
          .append(i)
          .append(").build());\n  }\n");
    }
    return sb.append("}\n").toString();
  }

  /** About a second when linear; the timeout guards a hang. */
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aClassWithThousandsOfMembersIsScanned() {
    int members = 3000;
    SourceFile f =
        new SourceFile(
            Path.of("Big.java"), "Big.java", FileKind.SOURCE_CODE, bigClass(members), List.of());
    assertThat(new JavaCodeScanner().scan(List.of(f)).integrations()).hasSize(members);
  }
}

package dev.relplan.rules.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.rules.Finding;
import dev.relplan.rules.Risk;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Calibration and grouping of REL-CODE-CALL-EXCEEDS-DEADLINE on one API-backed function. */
class CodeCallExceedsDeadlineTest {
  private static final String CODE =
      """
      import boto3
      import requests

      prices = boto3.client("dynamodb")


      def handler(event, context):
          a = prices.get_item(TableName="prices", Key={})
          b = prices.put_item(TableName="prices", Item={})
          c = requests.get("https://pricing.example.com/quote", timeout=35)
          return {"statusCode": 200}
      """;

  private static List<Finding> findings(Path dir) throws Exception {
    return QuoteFunction.assess(dir, CODE, CodeCallExceedsDeadline.ID).findings();
  }

  @Test
  void oneFindingPerClientNamingEveryCallThroughIt(@TempDir Path dir) throws Exception {
    Finding sdk =
        findings(dir).stream().filter(f -> f.title().startsWith("2 boto3 calls")).findFirst().get();
    assertThat(sdk.evidence()).extracting(l -> l.line()).startsWith(8, 9, 4);
    assertThat(sdk.title())
        .isEqualTo("2 boto3 calls in QuoteFunction can wait 600 s, longer than its 28 s deadline");
  }

  @Test
  void sdkDefaultsRateBelowATimeoutWrittenTooLong(@TempDir Path dir) throws Exception {
    List<Finding> found = findings(dir);
    assertThat(found).hasSize(2);
    Finding requests =
        found.stream().filter(f -> f.title().startsWith("requests")).findFirst().get();
    Finding sdk = found.stream().filter(f -> f.title().startsWith("2 boto3")).findFirst().get();
    assertThat(requests.flag()).isEqualTo("RP-NO-TIMEOUT");
    assertThat(requests.risk()).isEqualTo(Risk.HIGH);
    assertThat(sdk.flag()).isNull();
    assertThat(sdk.risk()).isEqualTo(Risk.MEDIUM);
  }
}

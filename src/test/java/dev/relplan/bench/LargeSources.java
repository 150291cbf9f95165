package dev.relplan.bench;

/**
 * Source files large enough that a quadratic lookup shows: a Java class and a JavaScript module
 * with thousands of members, each calling through a client. Shared by the tests that assert such
 * files are scanned and by {@link LargeSourceBenchmark}, which measures how long they take.
 */
public final class LargeSources {
  private LargeSources() {}

  /**
   * A class with {@code members} fields and methods, each method sending through one SQS client.
   */
  public static String javaClass(int members) {
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

  /**
   * A module with {@code functions} functions each creating and calling an axios client, and a
   * class holding as many clients in fields, each called by a method.
   */
  public static String javaScriptModule(int functions) {
    StringBuilder sb = new StringBuilder("const axios = require('axios');\n");
    for (int i = 0; i < functions; i++) {
      sb.append("function get").append(i).append("() {\n");
      sb.append("  const api = axios.create({ timeout: 1000 });\n");
      sb.append("  return api.get('/items/").append(i).append("');\n}\n");
    }
    sb.append("class Clients {\n  constructor() {\n");
    for (int i = 0; i < functions; i++)
      sb.append("    this.c").append(i).append(" = axios.create({ timeout: 2000 });\n");
    sb.append("  }\n");
    for (int i = 0; i < functions; i++)
      sb.append("  load")
          .append(i)
          .append("() { return this.c")
          .append(i)
          .append(".get('/x'); }\n");
    return sb.append("}\n").toString();
  }
}

package dev.relplan.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.adapt.Adapter;
import dev.relplan.code.CodeScanner;
import dev.relplan.discover.Discovery;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.iac.cdk.CdkAdapter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InfrastructureCodeClaimsTest {
  private static SourceFile code(String name, String text) {
    return new SourceFile(Path.of(name), name, FileKind.SOURCE_CODE, text, List.of());
  }

  private static List<String> names(Discovery.Result r) {
    return r.files().stream().map(SourceFile::display).toList();
  }

  @Test
  void aCdkStackIsReadAsInfrastructureAndNotScannedAsApplicationCode() {
    SourceFile stack =
        code(
            "lib/orders-stack.ts",
            "import * as cdk from 'aws-cdk-lib';\nexport class OrdersStack extends cdk.Stack {}\n");
    SourceFile handler =
        code(
            "lambda/index.ts",
            "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nexport const handler = async () => {};\n");
    List<Adapter> adapters = List.of(new CdkAdapter(), new CodeScanner());
    List<Discovery.Result> claimed =
        Pipeline.claimed(
            adapters,
            new Discovery.Result(List.of(stack, handler), List.of(), Map.of(), List.of("")));

    assertThat(names(claimed.get(0))).containsExactly("lib/orders-stack.ts");
    assertThat(names(claimed.get(1))).containsExactly("lambda/index.ts");
  }

  @Test
  void aJavaCdkStackIsNotScannedAsApplicationCode() {
    SourceFile stack =
        code(
            "src/main/java/com/example/OrdersStack.java",
            "package com.example;\nimport software.amazon.awscdk.Stack;\npublic class OrdersStack extends Stack {}\n");
    SourceFile handler =
        code(
            "functions/src/main/java/com/example/Handler.java",
            "package com.example;\npublic class Handler {}\n");
    List<Discovery.Result> claimed =
        Pipeline.claimed(
            List.of(new CdkAdapter(), new CodeScanner()),
            new Discovery.Result(List.of(stack, handler), List.of(), Map.of(), List.of("")));

    assertThat(names(claimed.get(0))).containsExactly("src/main/java/com/example/OrdersStack.java");
    assertThat(names(claimed.get(1)))
        .containsExactly("functions/src/main/java/com/example/Handler.java");
  }
}

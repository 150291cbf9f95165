package dev.relplan.code.javascript;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.code.HandlerCode;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exported Node.js Lambda handlers and the idempotency mechanisms recognised in their files. */
class JsHandlersTest {
  private static HandlerCode find(String name, String source, String function) {
    return JsHandlers.find(
        new SourceFile(Path.of(name), name, FileKind.SOURCE_CODE, source, List.of()), function);
  }

  @Test
  void commonJsExportsWithoutIdempotency() {
    HandlerCode h =
        find(
            "index.js",
            """
        const AWS = require('aws-sdk');
        const ddb = new AWS.DynamoDB.DocumentClient();
        exports.handler = async (event) => {
          for (const r of event.Records) await ddb.put({ TableName: 't', Item: JSON.parse(r.body) }).promise();
        };
        """,
            "handler");
    assertThat(h.definition().line()).isEqualTo(3);
    assertThat(h.idempotency().known() && !h.idempotency().present()).isTrue();
  }

  @Test
  void v2ConditionalPutThroughAParamsConst() {
    HandlerCode h =
        find(
            "index.js",
            """
        const AWS = require('aws-sdk');
        const ddb = new AWS.DynamoDB.DocumentClient();
        module.exports.consume = async (event) => {
          const params = { TableName: 't', Item: {}, ConditionExpression: 'attribute_not_exists(id)' };
          await ddb.put(params).promise();
        };
        """,
            "consume");
    assertThat(h.definition().line()).isEqualTo(3);
    assertThat(h.idempotency().get()).startsWith("conditional write: put(ConditionExpression:");
    assertThat(h.idempotency().trace()).extracting(l -> l.line()).containsExactly(4);
  }

  @Test
  void powertoolsDecoratorOnAClassHandler() {
    HandlerCode h =
        find(
            "app.ts",
            """
        import type { LambdaInterface } from '@aws-lambda-powertools/commons/types';
        import { idempotent } from '@aws-lambda-powertools/idempotency';
        import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
        const persistenceStore = new DynamoDBPersistenceLayer({ tableName: 'idempotency' });
        class Lambda implements LambdaInterface {
          @idempotent({ persistenceStore })
          public async handler(event: unknown): Promise<void> {}
        }
        const instance = new Lambda();
        export const handler = instance.handler.bind(instance);
        """,
            "handler");
    assertThat(h.definition().line()).isEqualTo(10);
    assertThat(h.idempotency().get()).startsWith("Powertools idempotent(");
  }

  @Test
  void aMissingExportIsNotFound() {
    assertThat(find("app.mjs", "export const other = async () => {};\n", "handler")).isNull();
  }

  @Test
  void aHandlerInATsxFileIsFound() {
    HandlerCode h = find("app.tsx", "export const handler = async () => <div/>;\n", "handler");
    assertThat(h.definition().line()).isEqualTo(1);
  }

  @Test
  void anExportClauseWithAnAlias() {
    HandlerCode h =
        find(
            "app.mjs",
            """
        import { makeIdempotent } from '@aws-lambda-powertools/idempotency';
        const main = async (event) => event;
        const idempotentMain = makeIdempotent(main, { persistenceStore: undefined });

        export { idempotentMain as handler };
        """,
            "handler");
    assertThat(h.definition().line()).isEqualTo(3);
    assertThat(h.idempotency().present()).isTrue();
  }
}

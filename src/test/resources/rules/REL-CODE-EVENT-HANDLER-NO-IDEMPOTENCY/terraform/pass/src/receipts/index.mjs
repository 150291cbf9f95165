// Records a receipt once per payment: the write is conditional on the payment id being new, so a
// redelivered notification fails the condition and is skipped. Totals are derived from the
// receipts table's stream, never incremented here.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';

const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));

export const handler = async (event) => {
  for (const record of event.Records) {
    const payment = JSON.parse(record.Sns.Message);
    try {
      await db.send(new PutCommand({
        TableName: 'receipts',
        Item: { pk: payment.id, customer: payment.customer, amount: payment.amount },
        ConditionExpression: 'attribute_not_exists(pk)',
      }));
    } catch (e) {
      if (e.name !== 'ConditionalCheckFailedException') throw e;
    }
  }
};

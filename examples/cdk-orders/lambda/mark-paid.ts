import { DynamoDBClient, UpdateItemCommand } from '@aws-sdk/client-dynamodb';

const db = new DynamoDBClient({});

// Each record adds its amount to the order's paid total: a redelivered message adds it twice.
export const handler = async (event: { Records: { body: string }[] }) => {
  for (const record of event.Records) {
    const payment = JSON.parse(record.body);
    await db.send(
      new UpdateItemCommand({
        TableName: process.env.TABLE_NAME,
        Key: { orderId: { S: payment.orderId } },
        UpdateExpression: 'ADD paidTotal :amount SET #s = :paid',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':amount': { N: String(payment.amount) }, ':paid': { S: 'PAID' } },
      }),
    );
  }
};

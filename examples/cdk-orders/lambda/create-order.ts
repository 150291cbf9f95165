import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { randomUUID } from 'crypto';

const db = new DynamoDBClient({});

export const handler = async (event: { body: string }) => {
  const order = JSON.parse(event.body);
  const orderId = randomUUID();
  await db.send(
    new PutItemCommand({
      TableName: process.env.TABLE_NAME,
      Item: { orderId: { S: orderId }, total: { N: String(order.total) }, status: { S: 'NEW' } },
    }),
  );
  return { statusCode: 201, body: JSON.stringify({ orderId }) };
};

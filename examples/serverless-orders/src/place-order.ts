import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';

const db = new DynamoDBClient({});

export const handler = async (event: { body?: string }) => {
  const order = JSON.parse(event.body ?? '{}');
  await db.send(
    new PutItemCommand({
      TableName: process.env.ORDERS_TABLE,
      Item: { orderId: { S: order.orderId } },
    }),
  );
  return { statusCode: 201, body: JSON.stringify({ orderId: order.orderId }) };
};

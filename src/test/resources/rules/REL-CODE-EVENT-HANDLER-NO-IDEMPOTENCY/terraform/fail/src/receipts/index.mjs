// Records a receipt and adds the payment to the customer's total for every payment notification:
// SNS redelivers after a failed invocation, and the second delivery counts the payment again.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';

const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));

export const handler = async (event) => { // relplan:finding
  for (const record of event.Records) {
    const payment = JSON.parse(record.Sns.Message);
    await db.send(new PutCommand({ TableName: 'receipts', Item: { pk: payment.id, customer: payment.customer, amount: payment.amount } }));
    await db.send(new UpdateCommand({
      TableName: 'totals',
      Key: { pk: payment.customer },
      UpdateExpression: 'ADD paid :amount',
      ExpressionAttributeValues: { ':amount': payment.amount },
    }));
  }
};

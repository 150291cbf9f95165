// Records a shipment per message with an unconditional put: a redelivery writes it again.
import type { SQSEvent } from 'aws-lambda';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';

const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({}));

export async function handler(event: SQSEvent): Promise<void> { // relplan:finding
  for (const record of event.Records) {
    const shipment = JSON.parse(record.body);
    await ddb.send(new PutCommand({ TableName: 'shipments', Item: shipment }));
  }
}

// Sends an email per order message, made idempotent with Powertools for AWS Lambda (TypeScript).
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';

const ses = new SESv2Client({});
const persistenceStore = new DynamoDBPersistenceLayer({ tableName: process.env.IDEMPOTENCY_TABLE });

const sendOne = makeIdempotent(async (order) => {
  await ses.send(new SendEmailCommand({ Destination: { ToAddresses: [order.email] }, Content: { Simple: order.mail } }));
}, { persistenceStore });

export const handler = async (event) => {
  for (const record of event.Records) await sendOne(JSON.parse(record.body));
};

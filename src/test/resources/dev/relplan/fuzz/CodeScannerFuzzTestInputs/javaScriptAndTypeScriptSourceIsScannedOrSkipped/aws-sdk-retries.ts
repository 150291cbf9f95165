// An SQS client (AWS SDK v3) built with a single attempt: retries are off.
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
import { NodeHttpHandler } from '@smithy/node-http-handler';

const SINGLE_ATTEMPT = {
  maxAttempts: 1, // relplan:evidence
  requestHandler: new NodeHttpHandler({ connectionTimeout: 1000, requestTimeout: 3000, throwOnRequestTimeout: true }),
};
const sqs = new SQSClient(SINGLE_ATTEMPT); // relplan:finding

export async function notify(body: string): Promise<void> {
  await sqs.send(new SendMessageCommand({ QueueUrl: process.env.QUEUE_URL, MessageBody: body }));
}

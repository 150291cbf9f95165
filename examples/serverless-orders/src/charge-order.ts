import { SQSEvent } from 'aws-lambda';

// Charges each order once: a failed message is reported alone and retried, not its whole batch.
export const handler = async (event: SQSEvent) => {
  const batchItemFailures: { itemIdentifier: string }[] = [];
  for (const record of event.Records) {
    try {
      const response = await fetch('https://payments.example.com/charges', {
        method: 'POST',
        body: record.body,
        headers: { 'Idempotency-Key': record.messageId },
      });
      if (!response.ok) batchItemFailures.push({ itemIdentifier: record.messageId });
    } catch {
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
};

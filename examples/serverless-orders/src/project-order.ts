import { KinesisStreamEvent } from 'aws-lambda';

export const handler = async (event: KinesisStreamEvent) => {
  for (const record of event.Records) {
    const order = JSON.parse(Buffer.from(record.kinesis.data, 'base64').toString());
    console.log('projected', order.orderId);
  }
};

// Sends an email for every order message: a redelivered message sends it twice.
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';

const ses = new SESv2Client({});

export const handler = async (event) => { // relplan:finding
  for (const record of event.Records) {
    const order = JSON.parse(record.body);
    await ses.send(new SendEmailCommand({ Destination: { ToAddresses: [order.email] }, Content: { Simple: order.mail } }));
  }
};

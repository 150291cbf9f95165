// An SNS client (AWS SDK v2) with the default retries.
const AWS = require('aws-sdk');

const sns = new AWS.SNS({ httpOptions: { timeout: 5000 } });

exports.alert = async (message) => sns.publish({ TopicArn: process.env.TOPIC_ARN, Message: message }).promise();

// An SNS client (AWS SDK v2) with maxRetries 0.
const AWS = require('aws-sdk');

const sns = new AWS.SNS({ maxRetries: 0, httpOptions: { timeout: 5000 } }); // relplan:finding

exports.alert = async (message) => sns.publish({ TopicArn: process.env.TOPIC_ARN, Message: message }).promise();

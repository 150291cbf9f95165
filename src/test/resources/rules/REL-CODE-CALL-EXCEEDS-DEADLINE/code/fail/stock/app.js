// AWS SDK v2 defaults: a 120 s socket timeout and 3 retries, far beyond the REST API's 29 s
const AWS = require("aws-sdk");

const s3 = new AWS.S3(); // relplan:evidence

exports.handler = async (event) => {
  const sheet = await s3
    .getObject({ Bucket: process.env.STOCK_BUCKET, Key: "levels.json" }) // relplan:finding
    .promise();
  return { statusCode: 200, body: sheet.Body.toString() };
};

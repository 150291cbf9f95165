// Shipment lookups with a statement timeout on the pg pool, and an S3 archive through the
// AWS SDK v2, whose socket timeout defaults to 120 s.
import { Pool, PoolConfig } from 'pg';
import * as AWS from 'aws-sdk';

const DB: PoolConfig = { host: 'shipments-db.internal', statement_timeout: 5000, connectionTimeoutMillis: 2000 };
const pool = new Pool(DB);
const s3 = new AWS.S3();

export async function shipment(id: string): Promise<unknown> {
  const result = await pool.query('SELECT * FROM shipments WHERE id = $1', [id]);
  return result.rows[0];
}

export async function archive(id: string, body: string): Promise<void> {
  await s3.putObject({ Bucket: 'shipments-archive', Key: id, Body: body }).promise();
}

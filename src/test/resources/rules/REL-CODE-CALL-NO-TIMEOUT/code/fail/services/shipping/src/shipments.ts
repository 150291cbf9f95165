// Shipment lookups through a pg pool that sets no query or statement timeout.
import { Pool } from 'pg';

const pool = new Pool({ host: 'shipments-db.internal', connectionTimeoutMillis: 2000 }); // relplan:finding

export async function shipment(id: string): Promise<unknown> {
  const result = await pool.query('SELECT * FROM shipments WHERE id = $1', [id]);
  return result.rows[0];
}

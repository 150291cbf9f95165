// Express service whose health check queries its database.
const express = require('express');
const { Pool } = require('pg');

const pool = new Pool({ statement_timeout: 3000 });
const app = express();

app.get('/health', async (req, res) => {
  try {
    await pool.query('SELECT 1');
    res.status(200).send('ok');
  } catch (e) {
    res.status(503).send('database unavailable');
  }
});

app.listen(8080);

// Express service whose health check never looks at its database.
const express = require('express');
const { Pool } = require('pg');

const pool = new Pool({ statement_timeout: 3000 });
const app = express();

app.get('/health', (req, res) => res.status(200).send('ok')); // relplan:finding

app.get('/products/:id', async (req, res) => {
  const { rows } = await pool.query('SELECT * FROM products WHERE id = $1', [req.params.id]);
  res.json(rows[0]);
});

app.listen(8080);

const axios = require("axios");

async function product(id) {
  const response = await axios.get(`https://catalog.example.com/products/${id}`, { timeout: 3000 }); // relplan:finding
  return response.data;
}

async function reserve(order) {
  // a POST carrying an idempotency key is safe to send again
  return fetch("https://payments.example.com/v1/holds", { // relplan:finding
    method: "POST", // relplan:evidence
    headers: { "Idempotency-Key": order.id },
    body: JSON.stringify(order),
    signal: AbortSignal.timeout(5000),
  });
}

module.exports = { product, reserve };

const axios = require("axios");
const axiosRetry = require("axios-retry");
const got = require("got");

const catalog = axios.create({ baseURL: "https://catalog.example.com", timeout: 3000 });
axiosRetry(catalog, { retries: 2 });

async function product(id) {
  const response = await catalog.get(`/products/${id}`);
  return response.data;
}

async function stock(id) {
  // got retries GET requests twice by default
  return got.get(`https://stock.example.com/levels/${id}`, { timeout: { request: 3000 } }).json();
}

async function order(body) {
  // a POST without an idempotency key must not be retried
  return fetch("https://orders.example.com/v1/orders", {
    method: "POST",
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(5000),
  });
}

module.exports = { product, stock, order };

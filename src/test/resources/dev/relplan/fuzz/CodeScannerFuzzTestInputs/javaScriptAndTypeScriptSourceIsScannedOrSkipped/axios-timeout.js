// Carrier quotes: the timeout reaches the axios instance through a shared options object;
// labels use Node's built-in fetch, whose finite defaults (300 s headers/body) apply.
const axios = require('axios');

const HTTP_DEFAULTS = { timeout: 3000 };
const carriers = axios.create({ baseURL: 'https://carriers.example.com/v2', ...HTTP_DEFAULTS });

async function quote(parcel) {
  const { data } = await carriers.post('/quotes', parcel);
  return data;
}

async function label(id) {
  const response = await fetch(`https://labels.example.com/labels/${id}`);
  return response.json();
}

module.exports = { quote, label };

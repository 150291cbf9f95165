// Carrier quotes: an axios instance without a timeout (axios's default is 0, none).
const axios = require('axios');

const carriers = axios.create({ baseURL: 'https://carriers.example.com/v2' }); // relplan:evidence

async function quote(parcel) {
  const { data } = await carriers.post('/quotes', parcel); // relplan:finding
  return data;
}

module.exports = { quote };

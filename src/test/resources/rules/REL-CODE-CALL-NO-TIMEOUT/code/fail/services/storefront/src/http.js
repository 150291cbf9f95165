import axios from 'axios';

// One client for the storefront, created without a timeout.
export const http = axios.create({ baseURL: 'https://cart.example.com' }); // relplan:evidence

import axios from 'axios';

// One client for the storefront, every request bounded.
export const http = axios.create({ baseURL: 'https://cart.example.com', timeout: 2000 });

import { http } from './http';

export async function addToCart(item) {
  return http.post('/cart/items', item); // relplan:finding
}

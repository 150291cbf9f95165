// Tracking events: got retries, but without a timeout or a circuit breaker.
import got from 'got';
import pRetry from 'p-retry';

export async function events(trackingId) {
  return pRetry(() => got(`https://tracking.example.com/events/${trackingId}`).json(), { retries: 3 }); // relplan:finding
}

// Tracking events behind an opossum circuit breaker (got itself has no default timeout).
import got from 'got';
import CircuitBreaker from 'opossum';

async function fetchEvents(trackingId) {
  return got(`https://tracking.example.com/events/${trackingId}`).json();
}

const breaker = new CircuitBreaker(fetchEvents, { timeout: 3000, errorThresholdPercentage: 50 });

export async function events(trackingId) {
  return breaker.fire(trackingId);
}

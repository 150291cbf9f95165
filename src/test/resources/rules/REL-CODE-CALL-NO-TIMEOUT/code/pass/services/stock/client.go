// Package stock calls the warehouse API with a client timeout, a context deadline, and go-redis's finite defaults.
package stock

import (
	"context"
	"net/http"
	"time"

	"github.com/redis/go-redis/v9"
)

var warehouse = &http.Client{Timeout: 5 * time.Second}

var plain = &http.Client{}

var cache = redis.NewClient(&redis.Options{Addr: "cache.internal:6379"})

// Level is bounded by the client's Timeout.
func Level(sku string) (*http.Response, error) {
	return warehouse.Get("https://warehouse.example.com/stock/" + sku)
}

// Reserve is bounded by the request context's deadline.
func Reserve(sku string) (*http.Response, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "https://warehouse.example.com/reserve/"+sku, nil)
	if err != nil {
		return nil, err
	}
	return plain.Do(req)
}

// Cached goes through go-redis, whose dial (5 s) and read (3 s) timeouts are finite by default.
func Cached(ctx context.Context, sku string) (string, error) {
	return cache.Get(ctx, "stock:"+sku).Result()
}

// Package reviews retries the reviews API, but has neither a timeout nor a circuit breaker.
package reviews

import (
	"net/http"

	"github.com/avast/retry-go/v4"
)

// Top retries http.Get, which has no timeout.
func Top() error {
	return retry.Do(func() error {
		_, err := http.Get("https://reviews.example.com/top") // relplan:finding
		return err
	}, retry.Attempts(3))
}

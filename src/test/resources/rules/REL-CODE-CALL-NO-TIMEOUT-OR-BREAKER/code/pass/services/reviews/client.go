// Package reviews calls the reviews API behind a sony/gobreaker circuit breaker.
package reviews

import (
	"net/http"

	"github.com/sony/gobreaker"
)

var breaker = gobreaker.NewCircuitBreaker(gobreaker.Settings{Name: "reviews"})

// Top fails fast while the breaker is open.
func Top() (interface{}, error) {
	return breaker.Execute(func() (interface{}, error) {
		return http.Get("https://reviews.example.com/top")
	})
}

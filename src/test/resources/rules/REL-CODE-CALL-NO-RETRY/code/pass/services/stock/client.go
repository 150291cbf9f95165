package stock

import (
	"net/http"
	"strings"
	"time"

	"github.com/avast/retry-go/v4"
)

var client = &http.Client{Timeout: 5 * time.Second}

func Levels() (*http.Response, error) {
	var resp *http.Response
	err := retry.Do(func() error {
		var err error
		resp, err = client.Get("https://stock.example.com/levels")
		return err
	}, retry.Attempts(3))
	return resp, err
}

func Adjust(body string) (*http.Response, error) {
	// a POST without an idempotency key must not be retried
	return client.Post("https://stock.example.com/adjustments", "application/json", strings.NewReader(body))
}

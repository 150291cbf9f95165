package stock

import (
	"net/http"
	"time"

	"example.com/platform/transport"
)

// the RoundTripper comes from another package: whether it retries is not followed
var client = &http.Client{Timeout: 5 * time.Second, Transport: transport.Shared()}

func Levels() (*http.Response, error) {
	return client.Get("https://stock.example.com/levels")
}

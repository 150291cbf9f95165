package stock

import (
	"net/http"
	"time"
)

var client = &http.Client{Timeout: 5 * time.Second} // relplan:evidence

func Levels() (*http.Response, error) {
	return client.Get("https://stock.example.com/levels") // relplan:finding
}

// Package stock calls the warehouse API with net/http clients that never time out.
package stock

import (
	"context"
	"net/http"
)

var warehouse = &http.Client{} // relplan:evidence

// Level uses http.Get, which goes through http.DefaultClient: no timeout.
func Level(sku string) (*http.Response, error) {
	return http.Get("https://warehouse.example.com/stock/" + sku) // relplan:finding
}

// Reserve sends a request whose context has no deadline through a client without Timeout.
func Reserve(sku string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(context.Background(), http.MethodPost, "https://warehouse.example.com/reserve/"+sku, nil)
	if err != nil {
		return nil, err
	}
	return warehouse.Do(req) // relplan:finding
}

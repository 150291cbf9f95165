// Package orders asks for a quote under a two-second deadline.
package orders

import (
	"context"
	"time"

	"example.com/shop/orders/quotepb"
)

func (s *server) price(sku string) (int64, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	reply, err := s.quotes.Quote(ctx, &quotepb.QuoteRequest{Sku: sku})
	if err != nil {
		return 0, err
	}
	return reply.Cents, nil
}

// Package orders asks for a quote with the context its caller passes: whether it has a deadline is decided there.
package orders

import (
	"context"

	"example.com/shop/orders/quotepb"
)

func (s *server) price(ctx context.Context, sku string) (int64, error) {
	reply, err := s.quotes.Quote(ctx, &quotepb.QuoteRequest{Sku: sku})
	if err != nil {
		return 0, err
	}
	return reply.Cents, nil
}

// Package orders holds its quote client in a struct field set by its constructor.
package orders

import (
	"example.com/shop/orders/quotepb"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

type server struct {
	quotes quotepb.QuoteServiceClient
}

func newServer() (*server, error) {
	conn, err := grpc.NewClient("quote:50051", grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		return nil, err
	}
	return &server{quotes: quotepb.NewQuoteServiceClient(conn)}, nil
}

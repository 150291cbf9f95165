// Package quotepb stands in for protoc-gen-go-grpc output: a client interface and its constructor.
package quotepb

import (
	"context"

	"google.golang.org/grpc"
)

type QuoteRequest struct{ Sku string }

type QuoteReply struct{ Cents int64 }

type QuoteServiceClient interface {
	Quote(ctx context.Context, in *QuoteRequest, opts ...grpc.CallOption) (*QuoteReply, error)
}

type quoteServiceClient struct{ cc grpc.ClientConnInterface }

func NewQuoteServiceClient(cc grpc.ClientConnInterface) QuoteServiceClient {
	return &quoteServiceClient{cc}
}

func (c *quoteServiceClient) Quote(ctx context.Context, in *QuoteRequest, opts ...grpc.CallOption) (*QuoteReply, error) {
	out := new(QuoteReply)
	err := c.cc.Invoke(ctx, "/quote.QuoteService/Quote", in, out, opts...)
	return out, err
}

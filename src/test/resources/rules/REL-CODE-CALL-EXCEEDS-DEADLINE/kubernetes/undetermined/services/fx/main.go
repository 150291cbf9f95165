package main

import (
	"context"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	pb "example.com/shop/fx/proto"
)

type server struct {
	ratesConn *grpc.ClientConn
}

// Convert gives the rates provider 5 s, derived from the incoming context: if that is the gRPC
// request's, its 2 s deadline from orders cuts the call off first.
func (s *server) Convert(ctx context.Context, req *pb.ConvertRequest) (*pb.Money, error) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	rate, err := pb.NewRatesClient(s.ratesConn).Latest(ctx, &pb.RateRequest{Currency: "EUR"})
	if err != nil {
		return nil, err
	}
	return &pb.Money{Amount: req.Amount * rate.Value}, nil
}

func main() {
	conn, err := grpc.NewClient("rates.example.com:443", grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		panic(err)
	}
	s := &server{ratesConn: conn}
	_ = s
}

package main

import (
	"context"
	"os"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	pb "example.com/shop/fx/proto"
)

type server struct {
	fxAddr string
	fxConn *grpc.ClientConn
}

func mustMapEnv(target *string, key string) {
	v := os.Getenv(key)
	if v == "" {
		panic("missing " + key)
	}
	*target = v
}

func mustConnect(conn **grpc.ClientConn, addr string) {
	var err error
	*conn, err = grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		panic(err)
	}
}

// Orders waits 2 s for a conversion; gRPC sends that deadline to fx with the request.
func (s *server) convert(amount float64) (*pb.Money, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	return pb.NewFxClient(s.fxConn).Convert(ctx, &pb.ConvertRequest{Amount: amount})
}

func main() {
	s := &server{}
	mustMapEnv(&s.fxAddr, "FX_ADDR")
	mustConnect(&s.fxConn, s.fxAddr)
	_, _ = s.convert(10)
}

// Package audit publishes audit events through an EventBridge client with five attempts.
package audit

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/eventbridge"
)

// Publish sends one audit event.
func Publish(ctx context.Context, detail string) error {
	cfg, err := config.LoadDefaultConfig(ctx, config.WithRetryMaxAttempts(5))
	if err != nil {
		return err
	}
	client := eventbridge.NewFromConfig(cfg)
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	_, err = client.PutEvents(ctx, &eventbridge.PutEventsInput{})
	return err
}

// Package audit publishes audit events through an EventBridge client that never retries.
package audit

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/eventbridge"
)

// Publish sends one audit event.
func Publish(ctx context.Context, detail string) error {
	cfg, err := config.LoadDefaultConfig(ctx, config.WithRetryer(func() aws.Retryer { return aws.NopRetryer{} })) // relplan:evidence
	if err != nil {
		return err
	}
	client := eventbridge.NewFromConfig(cfg) // relplan:finding
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	_, err = client.PutEvents(ctx, &eventbridge.PutEventsInput{})
	return err
}

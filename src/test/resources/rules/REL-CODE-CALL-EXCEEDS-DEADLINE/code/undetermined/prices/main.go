package main

import (
	"context"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

// The SDK's default HTTP client has no overall timeout: the call waits as long as the context
// allows, and the context is the handler's parameter, whose deadline is not followed.
func handler(ctx context.Context, event map[string]string) (string, error) {
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return "", err
	}
	client := dynamodb.NewFromConfig(cfg)
	out, err := client.GetItem(ctx, &dynamodb.GetItemInput{
		TableName: aws.String("prices"),
		Key:       map[string]types.AttributeValue{"sku": &types.AttributeValueMemberS{Value: event["sku"]}},
	})
	if err != nil {
		return "", err
	}
	return out.Item["price"].(*types.AttributeValueMemberS).Value, nil
}

func main() {
	lambda.Start(handler)
}

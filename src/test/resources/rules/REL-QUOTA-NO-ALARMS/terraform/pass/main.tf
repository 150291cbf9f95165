resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = "arn:aws:iam::123456789012:role/api"
  runtime       = "python3.12"
  handler       = "api.handler"
  filename      = "api.zip"
}

resource "aws_sns_topic" "ops" {
  name = "ops"
}

resource "aws_cloudwatch_metric_alarm" "lambda_concurrency_quota" {
  alarm_name          = "lambda-concurrency-near-quota"
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 1
  threshold           = 80
  alarm_actions       = [aws_sns_topic.ops.arn]

  metric_query {
    id          = "usage_pct"
    expression  = "(m1 / SERVICE_QUOTA(m1)) * 100"
    return_data = true
  }

  metric_query {
    id = "m1"
    metric {
      namespace   = "AWS/Usage"
      metric_name = "ResourceCount"
      period      = 60
      stat        = "Maximum"
      dimensions = {
        Service  = "Lambda"
        Resource = "ConcurrentExecutions"
        Type     = "Resource"
        Class    = "None"
      }
    }
  }
}

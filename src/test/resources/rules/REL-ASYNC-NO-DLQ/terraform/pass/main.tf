resource "aws_sqs_queue" "orders_dlq" {
  name = "orders-dlq"
}

resource "aws_sqs_queue" "orders" {
  name                       = "orders"
  visibility_timeout_seconds = 60
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.orders_dlq.arn
    maxReceiveCount     = 5
  })
}

resource "aws_sqs_queue" "events_failures" {
  name = "events-failures"
}

resource "aws_cloudwatch_event_rule" "nightly" {
  name                = "nightly-export"
  schedule_expression = "cron(0 2 * * ? *)"
}

resource "aws_cloudwatch_event_target" "export" {
  rule = aws_cloudwatch_event_rule.nightly.name
  arn  = "arn:aws:states:eu-west-1:123456789012:stateMachine:export"

  dead_letter_config {
    arn = aws_sqs_queue.events_failures.arn
  }
}

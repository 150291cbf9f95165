resource "aws_sqs_queue" "orders_dlq" {
  name                      = "${local.name}-orders-dlq"
  message_retention_seconds = 1209600
}

resource "aws_sqs_queue" "orders" {
  name                       = "${local.name}-orders"
  visibility_timeout_seconds = 180
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.orders_dlq.arn
    maxReceiveCount     = 5
  })
}

resource "aws_sqs_queue" "emails" {
  name = "${local.name}-emails"
}

resource "aws_lambda_function" "fulfil" {
  function_name = "${local.name}-fulfil"
  role          = "arn:aws:iam::111122223333:role/fulfil"
  runtime       = "python3.12"
  handler       = "fulfil.handler"
  filename      = "build/fulfil.zip"
  timeout       = 60
}

resource "aws_lambda_event_source_mapping" "orders" {
  event_source_arn = aws_sqs_queue.orders.arn
  function_name    = aws_lambda_function.fulfil.arn
  batch_size       = 10
}

resource "aws_lambda_function" "nightly_report" {
  function_name = "${local.name}-nightly-report"
  role          = "arn:aws:iam::111122223333:role/report"
  runtime       = "python3.12"
  handler       = "report.handler"
  filename      = "build/report.zip"
  timeout       = 300
}

resource "aws_cloudwatch_event_rule" "nightly" {
  name                = "${local.name}-nightly"
  schedule_expression = "cron(0 1 * * ? *)"
}

resource "aws_cloudwatch_event_target" "nightly_report" {
  rule = aws_cloudwatch_event_rule.nightly.name
  arn  = aws_lambda_function.nightly_report.arn
}

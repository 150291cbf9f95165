resource "aws_sqs_queue" "dlq" {
  name = "thumbnails-dlq"
}

resource "aws_sqs_queue" "thumbnails" {
  name                       = "thumbnails"
  visibility_timeout_seconds = 720
  redrive_policy             = jsonencode({ deadLetterTargetArn = aws_sqs_queue.dlq.arn, maxReceiveCount = 3 })
}

resource "aws_lambda_function" "resize" {
  function_name = "resize"
  role          = "arn:aws:iam::123456789012:role/resize"
  runtime       = "python3.12"
  handler       = "resize.handler"
  filename      = "resize.zip"
  timeout       = 120
}

resource "aws_lambda_event_source_mapping" "thumbnails" {
  event_source_arn = aws_sqs_queue.thumbnails.arn
  function_name    = aws_lambda_function.resize.arn
}

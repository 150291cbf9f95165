resource "aws_sqs_queue" "jobs_dlq" {
  name = "jobs-dlq"
}

resource "aws_sqs_queue" "jobs" {
  name                       = "jobs"
  visibility_timeout_seconds = 180
  redrive_policy             = "{\"deadLetterTargetArn\":\"${aws_sqs_queue.jobs_dlq.arn}\",\"maxReceiveCount\":5}"
}

resource "aws_lambda_function" "worker" {
  function_name                  = "jobs-worker"
  role                           = "arn:aws:iam::123456789012:role/worker"
  runtime                        = "python3.12"
  handler                        = "app.handler"
  filename                       = "worker.zip"
  timeout                        = 30
  reserved_concurrent_executions = 50
}

resource "aws_lambda_event_source_mapping" "jobs" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.worker.arn
  batch_size       = 10
}

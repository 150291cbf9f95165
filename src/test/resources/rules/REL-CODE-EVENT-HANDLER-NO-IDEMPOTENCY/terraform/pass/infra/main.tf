# A Terraform-declared consumer of an SNS topic: its code is the archive of ../src/receipts.
resource "aws_sns_topic" "payments" {
  name = "payments"
}

data "archive_file" "receipts" {
  type        = "zip"
  source_dir  = "${path.module}/../src/receipts"
  output_path = "${path.module}/build/receipts.zip"
}

resource "aws_lambda_function" "receipts" {
  function_name = "receipts"
  role          = "arn:aws:iam::123456789012:role/receipts"
  runtime       = "nodejs20.x"
  handler       = "index.handler"
  filename      = data.archive_file.receipts.output_path
}

resource "aws_sns_topic_subscription" "receipts" {
  topic_arn = aws_sns_topic.payments.arn
  protocol  = "lambda"
  endpoint  = aws_lambda_function.receipts.arn
}

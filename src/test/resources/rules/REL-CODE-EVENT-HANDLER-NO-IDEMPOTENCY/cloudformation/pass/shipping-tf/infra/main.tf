# A Terraform-declared consumer: its code is the archive of ../src, built by archive_file.
resource "aws_sqs_queue" "shipments" {
  name = "shipments"
}

data "archive_file" "shipper" {
  type        = "zip"
  source_dir  = "${path.module}/../src"
  output_path = "${path.module}/build/shipper.zip"
}

resource "aws_lambda_function" "shipper" {
  function_name = "shipper"
  role          = "arn:aws:iam::123456789012:role/shipper"
  runtime       = "python3.12"
  handler       = "shipper.handle"
  filename      = data.archive_file.shipper.output_path
}

resource "aws_lambda_event_source_mapping" "shipments" {
  event_source_arn = aws_sqs_queue.shipments.arn
  function_name    = aws_lambda_function.shipper.arn
}

resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = "arn:aws:iam::123456789012:role/api"
  runtime       = "python3.12"
  handler       = "api.handler"
  filename      = "api.zip"
}

resource "aws_fis_experiment_template" "api_latency" {
  description = "Inject latency into the API function"
  role_arn    = "arn:aws:iam::123456789012:role/fis"

  stop_condition {
    source = "none"
  }

  action {
    name      = "latency"
    action_id = "aws:lambda:invocation-add-delay"

    target {
      key   = "Functions"
      value = "api"
    }
  }

  target {
    name           = "api"
    resource_type  = "aws:lambda:function"
    selection_mode = "ALL"
    resource_arns  = [aws_lambda_function.api.arn]
  }
}

variable "timeouts" {
  type = map(number)
  default = {
    checkout = 10
    search   = 5
  }
}

resource "aws_api_gateway_rest_api" "shop" {
  name = "shop"
}

resource "aws_lambda_function" "checkout" {
  function_name = "checkout"
  role          = "arn:aws:iam::123456789012:role/checkout"
  runtime       = "nodejs20.x"
  handler       = "index.handler"
  filename      = "checkout.zip"
  timeout       = lookup(var.timeouts, "checkout", 3)
}

resource "aws_api_gateway_integration" "checkout" {
  rest_api_id             = aws_api_gateway_rest_api.shop.id
  resource_id             = "abc123"
  http_method             = "POST"
  integration_http_method = "POST"
  type                    = "AWS_PROXY"
  uri                     = aws_lambda_function.checkout.invoke_arn
}

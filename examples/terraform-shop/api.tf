resource "aws_api_gateway_rest_api" "checkout" {
  name = "${local.name}-checkout"
}

resource "aws_lambda_function" "quote" {
  function_name = "${local.name}-quote"
  role          = "arn:aws:iam::111122223333:role/quote"
  runtime       = "nodejs20.x"
  handler       = "quote.handler"
  filename      = "build/quote.zip"
  timeout       = var.checkout_timeout
}

resource "aws_api_gateway_resource" "quote" {
  rest_api_id = aws_api_gateway_rest_api.checkout.id
  parent_id   = aws_api_gateway_rest_api.checkout.root_resource_id
  path_part   = "quote"
}

resource "aws_api_gateway_method" "quote" {
  rest_api_id   = aws_api_gateway_rest_api.checkout.id
  resource_id   = aws_api_gateway_resource.quote.id
  http_method   = "POST"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "quote" {
  rest_api_id             = aws_api_gateway_rest_api.checkout.id
  resource_id             = aws_api_gateway_resource.quote.id
  http_method             = aws_api_gateway_method.quote.http_method
  integration_http_method = "POST"
  type                    = "AWS_PROXY"
  uri                     = aws_lambda_function.quote.invoke_arn
}

resource "aws_api_gateway_deployment" "checkout" {
  rest_api_id = aws_api_gateway_rest_api.checkout.id
  depends_on  = [aws_api_gateway_integration.quote]
}

resource "aws_api_gateway_stage" "live" {
  rest_api_id   = aws_api_gateway_rest_api.checkout.id
  deployment_id = aws_api_gateway_deployment.checkout.id
  stage_name    = "live"
}

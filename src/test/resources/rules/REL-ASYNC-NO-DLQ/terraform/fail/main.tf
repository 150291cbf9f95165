resource "aws_sqs_queue" "orders" { # relplan:finding
  name                       = "orders"
  visibility_timeout_seconds = 60
}

resource "aws_cloudwatch_event_rule" "nightly" { # relplan:finding
  name                = "nightly-export"
  schedule_expression = "cron(0 2 * * ? *)"
}

resource "aws_cloudwatch_event_target" "export" { # relplan:evidence
  rule = aws_cloudwatch_event_rule.nightly.name
  arn  = "arn:aws:states:eu-west-1:123456789012:stateMachine:export"
}

resource "aws_ecs_service" "web" {
  name          = "web"
  cluster       = "main"
  desired_count = 2

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
}

resource "aws_cloudwatch_metric_alarm" "api_errors" {
  alarm_name          = "api-5xx"
  namespace           = "AWS/ApplicationELB"
  metric_name         = "HTTPCode_Target_5XX_Count"
  comparison_operator = "GreaterThanThreshold"
  threshold           = 10
  evaluation_periods  = 2
  period              = 60
  statistic           = "Sum"
}

resource "aws_codedeploy_deployment_group" "api" {
  app_name              = "api"
  deployment_group_name = "api-prod"
  service_role_arn      = "arn:aws:iam::123456789012:role/codedeploy"

  auto_rollback_configuration {
    enabled = true
    events  = ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"]
  }

  alarm_configuration {
    alarms = [aws_cloudwatch_metric_alarm.api_errors.alarm_name]
  }
}

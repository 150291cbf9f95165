resource "aws_ecs_service" "web" { # relplan:finding
  name          = "web"
  cluster       = "main"
  desired_count = 2

  deployment_circuit_breaker {
    enable   = true # relplan:evidence
    rollback = false # relplan:evidence
  }
}

resource "aws_codedeploy_deployment_group" "api" { # relplan:finding
  app_name              = "api"
  deployment_group_name = "api-prod"
  service_role_arn      = "arn:aws:iam::123456789012:role/codedeploy"
}

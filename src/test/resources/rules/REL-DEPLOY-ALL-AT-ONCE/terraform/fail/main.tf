resource "aws_codedeploy_app" "api" {
  name             = "api"
  compute_platform = "Server"
}

resource "aws_codedeploy_deployment_group" "api" { # relplan:finding
  app_name               = aws_codedeploy_app.api.name
  deployment_group_name  = "api-prod"
  service_role_arn       = "arn:aws:iam::123456789012:role/codedeploy"
  deployment_config_name = "CodeDeployDefault.AllAtOnce" # relplan:evidence
  autoscaling_groups     = ["api-asg"]

  auto_rollback_configuration {
    enabled = true
    events  = ["DEPLOYMENT_FAILURE"]
  }
}

resource "aws_ecs_service" "web" { # relplan:finding
  name                               = "web"
  cluster                            = "main"
  desired_count                      = 2
  deployment_minimum_healthy_percent = 0 # relplan:evidence
}

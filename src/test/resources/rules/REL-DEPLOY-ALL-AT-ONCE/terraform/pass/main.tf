resource "aws_codedeploy_app" "api" {
  name             = "api"
  compute_platform = "Server"
}

resource "aws_codedeploy_deployment_group" "api" {
  app_name               = aws_codedeploy_app.api.name
  deployment_group_name  = "api-prod"
  service_role_arn       = "arn:aws:iam::123456789012:role/codedeploy"
  deployment_config_name = "CodeDeployDefault.OneAtATime"
  autoscaling_groups     = ["api-asg"]
}

resource "aws_ecs_service" "web" {
  name          = "web"
  cluster       = "main"
  desired_count = 2
}

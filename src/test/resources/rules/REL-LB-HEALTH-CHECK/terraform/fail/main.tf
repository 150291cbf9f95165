variable "health_checks" {
  type    = bool
  default = false # relplan:evidence
}

resource "aws_lb_target_group" "web" { # relplan:finding
  name     = "web"
  port     = 80
  protocol = "HTTP"
  vpc_id   = "vpc-123"

  health_check {
    enabled = var.health_checks # relplan:evidence
  }
}

resource "aws_autoscaling_group" "web" { # relplan:finding
  name                = "web"
  min_size            = 2
  max_size            = 6
  vpc_zone_identifier = ["subnet-aaa", "subnet-bbb"]
  target_group_arns   = [aws_lb_target_group.web.arn] # relplan:evidence
}

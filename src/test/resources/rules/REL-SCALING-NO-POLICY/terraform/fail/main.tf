resource "aws_autoscaling_group" "workers" { # relplan:finding
  name                = "workers"
  min_size            = 2
  max_size            = 8
  vpc_zone_identifier = ["subnet-aaa", "subnet-bbb"]
}

resource "aws_autoscaling_schedule" "night" {
  scheduled_action_name  = "night"
  autoscaling_group_name = aws_autoscaling_group.workers.name
  min_size               = 2
  max_size               = 2
  desired_capacity       = 2
  recurrence             = "0 22 * * *"
}

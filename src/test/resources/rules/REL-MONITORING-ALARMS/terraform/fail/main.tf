resource "aws_db_instance" "orders" {
  identifier = "orders"
  engine     = "postgres"
  multi_az   = true
}

resource "aws_cloudwatch_metric_alarm" "db_cpu" { # relplan:finding
  alarm_name          = "orders-db-cpu"
  namespace           = "AWS/RDS"
  metric_name         = "CPUUtilization"
  dimensions          = { DBInstanceIdentifier = aws_db_instance.orders.identifier }
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 3
  threshold           = 80
  comparison_operator = "GreaterThanThreshold"
}

resource "aws_db_instance" "orders" {
  identifier = "orders"
  engine     = "postgres"
  multi_az   = true
}

resource "aws_sns_topic" "ops" {
  name = "ops"
}

resource "aws_cloudwatch_metric_alarm" "db_cpu" {
  alarm_name          = "orders-db-cpu"
  namespace           = "AWS/RDS"
  metric_name         = "CPUUtilization"
  dimensions          = { DBInstanceIdentifier = aws_db_instance.orders.identifier }
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 3
  threshold           = 80
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = [aws_sns_topic.ops.arn]
}

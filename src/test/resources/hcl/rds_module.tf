variable "databases" {
  description = "Databases to create, keyed by name"
  type = map(object({
    engine_version    = string
    instance_class    = optional(string, "db.t3.medium")
    allocated_storage = optional(number, 20)
    multi_az          = optional(bool, false)
    backup_retention  = optional(number, 7)
  }))
}

variable "environment" {
  type = string
}

variable "kms_key_arn" {
  type    = string
  default = null
}

locals {
  is_production = var.environment == "prod" || var.environment == "production"

  # Production always gets Multi-AZ and at least two weeks of backups.
  effective = {
    for name, db in var.databases : name => merge(db, {
      multi_az         = local.is_production ? true : db.multi_az
      backup_retention = local.is_production ? max(db.backup_retention, 14) : db.backup_retention
    })
  }

  parameter_groups = toset([for db in values(var.databases) : "postgres${split(".", db.engine_version)[0]}"])
}

resource "random_password" "master" {
  for_each = var.databases

  length  = 32
  special = false
}

resource "aws_db_parameter_group" "this" {
  for_each = local.parameter_groups

  name   = "${var.environment}-${each.key}"
  family = each.value

  parameter {
    name  = "log_min_duration_statement"
    value = "500"
  }
}

resource "aws_db_instance" "this" {
  for_each = local.effective

  identifier        = "${var.environment}-${each.key}"
  engine            = "postgres"
  engine_version    = each.value.engine_version
  instance_class    = each.value.instance_class
  allocated_storage = each.value.allocated_storage
  storage_encrypted = true
  kms_key_id        = var.kms_key_arn

  username = "app_admin"
  password = random_password.master[each.key].result

  multi_az                = each.value.multi_az
  backup_retention_period = each.value.backup_retention
  deletion_protection     = local.is_production
  skip_final_snapshot     = !local.is_production
  final_snapshot_identifier = local.is_production ? "${var.environment}-${each.key}-final" : null

  parameter_group_name = aws_db_parameter_group.this["postgres${split(".", each.value.engine_version)[0]}"].name

  performance_insights_enabled = true
  monitoring_interval          = local.is_production ? 60 : 0

  lifecycle {
    prevent_destroy = false
    ignore_changes  = [password]
  }

  timeouts {
    create = "60m"
    delete = "2h"
  }
}

resource "aws_cloudwatch_metric_alarm" "cpu" {
  for_each = { for k, v in aws_db_instance.this : k => v if local.is_production }

  alarm_name          = "${each.value.identifier}-cpu-high"
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 3
  metric_name         = "CPUUtilization"
  namespace           = "AWS/RDS"
  period              = 300
  statistic           = "Average"
  threshold           = 80.5
  alarm_description   = <<-EOT
    CPU on ${each.value.identifier} stayed above 80% for 15 minutes.
    %{ if local.is_production ~}
    This is a production database: page the on-call engineer.
    %{ endif ~}
  EOT

  dimensions = {
    DBInstanceIdentifier = each.value.identifier
  }
}

output "endpoints" {
  value     = { for k, db in aws_db_instance.this : k => db.endpoint }
  sensitive = false
}

output "instances_by_class" {
  value = { for k, db in local.effective : db.instance_class => k... }
}

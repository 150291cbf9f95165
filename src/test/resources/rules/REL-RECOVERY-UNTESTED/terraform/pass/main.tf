resource "aws_db_instance" "orders" {
  identifier              = "orders"
  engine                  = "postgres"
  multi_az                = true
  backup_retention_period = 14
}

resource "aws_fis_experiment_template" "db_failover" {
  description = "Reboot the orders database with failover"
  role_arn    = "arn:aws:iam::123456789012:role/fis"

  stop_condition {
    source = "none"
  }

  action {
    name      = "reboot-with-failover"
    action_id = "aws:rds:reboot-db-instances"

    parameter {
      key   = "forceFailover"
      value = "true"
    }

    target {
      key   = "DBInstances"
      value = "orders-db"
    }
  }

  target {
    name           = "orders-db"
    resource_type  = "aws:rds:db"
    selection_mode = "ALL"
    resource_arns  = [aws_db_instance.orders.arn]
  }
}

resource "aws_backup_restore_testing_plan" "monthly" {
  name                = "monthly_restore_test"
  schedule_expression = "cron(0 4 1 * ? *)"

  recovery_point_selection {
    algorithm            = "LATEST_WITHIN_WINDOW"
    include_vaults       = ["*"]
    recovery_point_types = ["SNAPSHOT"]
  }
}

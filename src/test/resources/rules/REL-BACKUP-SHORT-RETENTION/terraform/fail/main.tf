variable "retention_days" {
  type    = number
  default = 3 # relplan:evidence
}

resource "aws_db_instance" "orders" { # relplan:finding
  identifier              = "orders"
  engine                  = "mysql"
  instance_class          = "db.r6g.large"
  multi_az                = true
  backup_retention_period = var.retention_days # relplan:evidence
}

variable "multi_az" {
  type    = bool
  default = false # relplan:evidence
}

resource "aws_db_instance" "orders" { # relplan:finding
  identifier              = "orders"
  engine                  = "postgres"
  instance_class          = "db.r6g.large"
  allocated_storage       = 100
  multi_az                = var.multi_az # relplan:evidence
  backup_retention_period = 14
}

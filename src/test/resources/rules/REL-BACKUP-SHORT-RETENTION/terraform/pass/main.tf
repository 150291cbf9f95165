variable "retention_days" {
  type    = number
  default = 3
}

resource "aws_db_instance" "orders" {
  identifier              = "orders"
  engine                  = "mysql"
  instance_class          = "db.r6g.large"
  multi_az                = true
  backup_retention_period = var.retention_days
}

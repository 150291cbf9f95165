variable "multi_az" {
  type    = bool
  default = false
}

resource "aws_db_instance" "orders" {
  identifier              = "orders"
  engine                  = "postgres"
  instance_class          = "db.r6g.large"
  multi_az                = var.multi_az
  backup_retention_period = 14
}

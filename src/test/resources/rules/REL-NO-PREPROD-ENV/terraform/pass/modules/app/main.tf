variable "environment" {
  type = string
}

resource "aws_db_instance" "orders" {
  identifier = "orders-${var.environment}"
  engine     = "postgres"
  multi_az   = true
}

resource "aws_db_instance" "orders" {
  identifier = "orders"
  engine     = "postgres"
  multi_az   = true
}

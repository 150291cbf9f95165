data "aws_ssm_parameter" "multi_az" {
  name = "/orders/multi_az"
}

resource "aws_db_instance" "orders" {
  identifier     = "orders"
  engine         = "postgres"
  instance_class = "db.r6g.large"
  multi_az       = data.aws_ssm_parameter.multi_az.value
}

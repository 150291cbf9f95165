resource "aws_dynamodb_table" "orders" { # relplan:finding
  name         = "orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }
}

resource "aws_db_instance" "ledger" { # relplan:finding
  identifier          = "ledger"
  engine              = "postgres"
  instance_class      = "db.t4g.medium"
  skip_final_snapshot = true # relplan:evidence
}

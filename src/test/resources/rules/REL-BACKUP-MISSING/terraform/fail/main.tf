variable "backup_days" {
  type    = number
  default = 7
}

resource "aws_dynamodb_table" "carts" { # relplan:finding
  name         = "carts"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }
}

resource "aws_db_instance" "ledger" { # relplan:finding
  identifier              = "ledger"
  engine                  = "postgres"
  instance_class          = "db.t4g.medium"
  multi_az                = true
  backup_retention_period = var.backup_days # relplan:evidence
}

resource "aws_dynamodb_table" "sessions" { # relplan:finding
  name           = "sessions"
  read_capacity  = 20
  write_capacity = 20
  hash_key       = "id"

  attribute {
    name = "id"
    type = "S"
  }
}

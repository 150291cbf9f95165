# A 99.99% target (relplan.yaml) met by a cart table and a DNS name that live in one Region only.
resource "aws_dynamodb_table" "cart" {
  name         = "cart"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }
}

resource "aws_route53_record" "api" {
  zone_id = "Z0123456789ABCDEFGHIJ"
  name    = "api.example.com"
  type    = "CNAME"
  ttl     = 60
  records = ["api-use1.example.com"]
}

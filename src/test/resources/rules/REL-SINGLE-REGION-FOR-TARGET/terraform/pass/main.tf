# The cart table is a global table with a replica in a second Region, and the API name fails over
# between Regional endpoints.
resource "aws_dynamodb_table" "cart" {
  name             = "cart"
  billing_mode     = "PAY_PER_REQUEST"
  hash_key         = "id"
  stream_enabled   = true
  stream_view_type = "NEW_AND_OLD_IMAGES"

  attribute {
    name = "id"
    type = "S"
  }

  replica {
    region_name = "us-west-2"
  }
}

resource "aws_route53_health_check" "primary" {
  fqdn              = "api-use1.example.com"
  type              = "HTTPS"
  resource_path     = "/health"
  failure_threshold = 3
  request_interval  = 30
}

resource "aws_route53_record" "api_primary" {
  zone_id         = "Z0123456789ABCDEFGHIJ"
  name            = "api.example.com"
  type            = "CNAME"
  ttl             = 60
  records         = ["api-use1.example.com"]
  set_identifier  = "primary"
  health_check_id = aws_route53_health_check.primary.id

  failover_routing_policy {
    type = "PRIMARY"
  }
}

resource "aws_route53_record" "api_secondary" {
  zone_id        = "Z0123456789ABCDEFGHIJ"
  name           = "api.example.com"
  type           = "CNAME"
  ttl            = 60
  records        = ["api-usw2.example.com"]
  set_identifier = "secondary"

  failover_routing_policy {
    type = "SECONDARY"
  }
}

resource "aws_route53_record" "primary" { # relplan:finding
  zone_id        = "Z123"
  name           = "shop.example.com"
  type           = "CNAME"
  ttl            = 60
  records        = ["primary.example.com"]
  set_identifier = "primary"

  failover_routing_policy {
    type = "PRIMARY" # relplan:evidence
  }
}

resource "aws_route53_record" "secondary" {
  zone_id        = "Z123"
  name           = "shop.example.com"
  type           = "CNAME"
  ttl            = 60
  records        = ["standby.example.com"]
  set_identifier = "secondary"

  failover_routing_policy {
    type = "SECONDARY"
  }
}

resource "aws_route53_health_check" "primary" {
  fqdn              = "primary.example.com"
  port              = 443
  type              = "HTTPS"
  resource_path     = "/health"
  failure_threshold = 3
  request_interval  = 10
}

resource "aws_route53_record" "primary" {
  zone_id         = "Z123"
  name            = "shop.example.com"
  type            = "CNAME"
  ttl             = 60
  records         = ["primary.example.com"]
  set_identifier  = "primary"
  health_check_id = aws_route53_health_check.primary.id

  failover_routing_policy {
    type = "PRIMARY"
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

locals {
  name = "shop-${var.environment}"
}

module "vpc" {
  source = "./modules/vpc"

  cidr               = "10.20.0.0/16"
  azs                = var.azs
  public_subnets     = [for i, az in var.azs : cidrsubnet("10.20.0.0/16", 8, i)]
  private_subnets    = [for i, az in var.azs : cidrsubnet("10.20.0.0/16", 8, i + 100)]
  enable_nat_gateway = true
  single_nat_gateway = var.single_nat_gateway
}

resource "aws_security_group" "alb" {
  name   = "${local.name}-alb"
  vpc_id = module.vpc.vpc_id
}

resource "aws_lb" "public" {
  name               = "${local.name}-public"
  load_balancer_type = "application"
  subnets            = module.vpc.public_subnets
  security_groups    = [aws_security_group.alb.id]
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.public.arn
  port              = 443
  protocol          = "HTTPS"
  certificate_arn   = "arn:aws:acm:eu-west-1:111122223333:certificate/shop"

  default_action {
    type             = "forward"
    target_group_arn = module.service["storefront"].target_group_arn
  }
}

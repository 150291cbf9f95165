variable "environment" {
  type    = string
  default = "production"
}

locals {
  is_prod = var.environment == "production"
}

resource "aws_autoscaling_group" "app" {
  name                = "app"
  min_size            = local.is_prod ? 3 : 1
  max_size            = local.is_prod ? 12 : 2
  vpc_zone_identifier = ["subnet-aaa", "subnet-bbb", "subnet-ccc"]
}

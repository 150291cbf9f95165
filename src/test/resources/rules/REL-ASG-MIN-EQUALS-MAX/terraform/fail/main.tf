variable "environment" {
  type    = string
  default = "production"
}

locals {
  is_prod = var.environment == "production"
  size    = local.is_prod ? 3 : 1 # relplan:evidence
}

resource "aws_autoscaling_group" "app" { # relplan:finding
  name                = "app"
  min_size            = local.size
  max_size            = local.size
  vpc_zone_identifier = ["subnet-aaa", "subnet-bbb", "subnet-ccc"]
}

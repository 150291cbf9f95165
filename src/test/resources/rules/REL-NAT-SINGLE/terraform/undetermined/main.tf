# The zones are an input nobody set here: which zones the subnets land in cannot be known.
variable "azs" {
  type = list(string)
}

locals {
  azs = var.azs
}

module "vpc" {
  source = "./modules/vpc"

  cidr               = "10.0.0.0/16"
  azs                = local.azs
  public_subnets     = [for i, az in local.azs : cidrsubnet("10.0.0.0/16", 8, i)]
  private_subnets    = [for i, az in local.azs : cidrsubnet("10.0.0.0/16", 8, i + 10)]
  enable_nat_gateway = true
  single_nat_gateway = true
}

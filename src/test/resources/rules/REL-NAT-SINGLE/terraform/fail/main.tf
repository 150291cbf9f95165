module "vpc" { # relplan:evidence
  source = "./modules/vpc"

  cidr               = "10.0.0.0/16"
  azs                = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
  public_subnets     = [for i in range(3) : cidrsubnet("10.0.0.0/16", 8, i)]
  private_subnets    = [for i in range(3) : cidrsubnet("10.0.0.0/16", 8, i + 10)]
  enable_nat_gateway = true
  single_nat_gateway = true # relplan:evidence
}

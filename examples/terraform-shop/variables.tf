variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "environment" {
  type        = string
  description = "Deployment environment (staging or prod)."
  default     = "staging"
}

variable "azs" {
  type    = list(string)
  default = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
}

variable "single_nat_gateway" {
  type        = bool
  description = "Share one NAT gateway between all zones (cheaper, not zone-resilient)."
  default     = true
}

variable "db_multi_az" {
  type    = bool
  default = false
}

variable "db_backup_days" {
  type    = number
  default = 1
}

variable "services" {
  description = "ECS services of the shop and their sizing."
  type = map(object({
    image       = string
    port        = number
    desired     = number
    autoscale   = bool
    public      = bool
  }))
  default = {
    storefront = { image = "shop/storefront:1.0", port = 8080, desired = 2, autoscale = true, public = true }
    checkout   = { image = "shop/checkout:1.0", port = 8081, desired = 2, autoscale = false, public = true }
  }
}

variable "checkout_timeout" {
  type    = number
  default = 29
}

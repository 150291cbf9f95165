variable "env" {
  type    = string
  default = "prod"
}
variable "zones" {
  type    = list(string)
  default = ["a", "b"]
}
locals {
  name    = format("%s-%s", var.env, join("-", [for z in var.zones : upper(z)]))
  tags    = merge({ env = var.env }, { name = local.name })
  is_prod = var.env == "prod" ? true : false
  sizes   = { for i, z in var.zones : z => i * 2 + length(z) }
  doc     = jsonencode({ a = [1, 2, 3], b = lookup(local.sizes, "a", 0) })
  cidrs   = [for i in range(2) : cidrsubnet("10.0.0.0/16", 8, i)]
}
resource "aws_db_instance" "main" {
  count                   = local.is_prod ? 1 : 0
  instance_class          = "db.r5.large"
  multi_az                = local.is_prod
  backup_retention_period = try(tonumber("7"), 1)
  tags                    = local.tags
}
resource "aws_sqs_queue" "q" {
  for_each = toset(var.zones)
  name     = "${local.name}-${each.key}"
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq.arn
    maxReceiveCount     = 5
  })
}
resource "aws_sqs_queue" "dlq" {}
resource "aws_security_group" "sg" {
  dynamic "ingress" {
    for_each = local.cidrs
    content {
      cidr_blocks = [ingress.value]
    }
  }
}
module "child" {
  source = "./modules/child"
  name   = local.name
}
output "q" { value = aws_sqs_queue.q["a"].arn }

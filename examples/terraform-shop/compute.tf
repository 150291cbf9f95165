resource "aws_ecs_cluster" "shop" {
  name = local.name

  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

module "service" {
  source   = "./modules/ecs-service"
  for_each = var.services

  name          = each.key
  cluster_id    = aws_ecs_cluster.shop.id
  cluster_name  = aws_ecs_cluster.shop.name
  image         = each.value.image
  port          = each.value.port
  desired_count = each.value.desired
  autoscale     = each.value.autoscale
  vpc_id        = module.vpc.vpc_id
  subnets       = module.vpc.private_subnets
}

resource "aws_instance" "bastion" {
  ami           = "ami-0c1bea58988a989155"
  instance_type = "t3.micro"
  subnet_id     = module.vpc.public_subnets[0]

  tags = {
    Name = "${local.name}-bastion"
  }
}

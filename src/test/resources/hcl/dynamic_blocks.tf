variable "ingress_rules" {
  type = list(object({
    port        = number
    protocol    = string
    cidr_blocks = list(string)
    description = optional(string)
  }))
  default = [
    { port = 443, protocol = "tcp", cidr_blocks = ["0.0.0.0/0"] },
    {
      port        = 5432
      protocol    = "tcp"
      cidr_blocks = ["10.0.0.0/8"]
      description = "postgres from the VPC"
    },
  ]
}

variable "instances" {
  type = map(object({
    ami           = string
    instance_type = string
    volumes       = list(object({ device = string, size = number }))
  }))
}

resource "aws_security_group" "app" {
  name_prefix = "app-"

  dynamic "ingress" {
    for_each = var.ingress_rules
    iterator = rule
    content {
      from_port   = rule.value.port
      to_port     = rule.value.port
      protocol    = rule.value.protocol
      cidr_blocks = rule.value.cidr_blocks
      description = coalesce(rule.value.description, "rule ${rule.key}")
    }
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }

  lifecycle { create_before_destroy = true }
}

resource "aws_instance" "app" {
  for_each      = var.instances
  ami           = each.value.ami
  instance_type = each.value.instance_type

  vpc_security_group_ids = [aws_security_group.app.id]

  dynamic "ebs_block_device" {
    for_each = { for v in each.value.volumes : v.device => v }
    content {
      device_name = ebs_block_device.key
      volume_size = ebs_block_device.value.size
      encrypted   = true
    }
  }

  user_data = <<EOF
#!/bin/bash
echo "instance ${each.key}" > /etc/motd
%{ for v in each.value.volumes ~}
mkfs -t xfs ${v.device}
%{ endfor ~}
EOF

  metadata_options {
    http_tokens = "required"
  }
}

module "alb" {
  source  = "terraform-aws-modules/alb/aws"
  version = "~> 9.0"

  name    = "app"
  subnets = var.public_subnet_ids
  targets = {
    for name, inst in aws_instance.app : name => {
      target_id = inst.id
      port      = 8080
    }
  }
  providers = {
    aws = aws.primary
  }
}

moved {
  from = aws_instance.legacy
  to   = aws_instance.app["legacy"]
}

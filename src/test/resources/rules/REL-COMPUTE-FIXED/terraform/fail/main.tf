locals {
  web_size = 2 # relplan:evidence
}

resource "aws_instance" "bastion" { # relplan:finding
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
}

resource "aws_autoscaling_group" "web" { # relplan:finding
  name                = "web"
  min_size            = local.web_size
  max_size            = local.web_size
  vpc_zone_identifier = ["subnet-aaa", "subnet-bbb"]
}

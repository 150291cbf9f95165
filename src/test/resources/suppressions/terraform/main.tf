provider "aws" {
  region = "eu-west-1"
}

module "sandbox" {
  source = "./db"
  // relplan:ignore REL-DB-SINGLE-AZ the sandbox module's database is disposable
  name = "sandbox"
}

resource "aws_db_instance" "main" {
  engine         = "postgres"
  instance_class = "db.t3.micro"
  multi_az       = false
}

# Sandbox account: nothing here is production.
# relplan:ignore REL-DB-SINGLE-AZ sandbox databases are disposable

resource "aws_db_instance" "scratch" {
  engine         = "postgres"
  instance_class = "db.t3.micro"
}

resource "aws_db_instance" "demo" {
  engine         = "postgres"
  instance_class = "db.t3.micro"
}

variable "shards" {
  type    = number
  default = 2 # relplan:evidence
}

resource "aws_kinesis_stream" "clicks" { # relplan:finding
  name             = "clicks"
  shard_count      = var.shards
  retention_period = 48
}

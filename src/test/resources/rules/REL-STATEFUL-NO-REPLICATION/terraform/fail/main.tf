locals {
  cache_nodes = terraform.workspace == "prod" ? 2 : 1 # relplan:evidence
}

resource "aws_elasticache_replication_group" "sessions" { # relplan:finding
  replication_group_id = "sessions"
  description          = "session store"
  node_type            = "cache.r6g.large"
  num_cache_clusters   = local.cache_nodes # relplan:evidence
}

resource "aws_mq_broker" "orders" { # relplan:finding
  broker_name        = "orders"
  engine_type        = "ActiveMQ"
  engine_version     = "5.17.6"
  host_instance_type = "mq.m5.large"

  user {
    username = "app"
    password = "not-a-real-password"
  }
}

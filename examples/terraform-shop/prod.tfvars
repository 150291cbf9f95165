environment        = "prod"
single_nat_gateway = true
db_multi_az        = true
db_backup_days     = 3

environment        = "staging"
single_nat_gateway = true
db_multi_az        = false
db_backup_days     = 1

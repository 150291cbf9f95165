retention_days = 14

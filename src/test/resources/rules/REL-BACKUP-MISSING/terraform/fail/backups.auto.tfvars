backup_days = 0 # relplan:evidence

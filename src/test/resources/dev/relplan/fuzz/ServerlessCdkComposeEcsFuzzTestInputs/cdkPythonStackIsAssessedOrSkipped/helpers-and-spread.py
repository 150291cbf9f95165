import aws_cdk as cdk
from aws_cdk import aws_rds as rds, aws_ec2 as ec2, aws_cloudwatch as cw

settings = {"multi_az": True, "backup": cdk.Duration.days(3)}


def database(scope, name, **overrides):
    props = dict(settings, **overrides)
    return rds.DatabaseInstance(scope, name, engine=rds.DatabaseInstanceEngine.POSTGRES, **props)


class ReportsStack(cdk.Stack):
    def __init__(self, scope, id, *, vpc: ec2.IVpc, **kw):
        super().__init__(scope, id, **kw)
        db = rds.DatabaseInstance(
            self, "Reports", engine=rds.DatabaseInstanceEngine.postgres(version=rds.PostgresEngineVersion.VER_16),
            vpc=vpc, multi_az=settings["multi_az"], backup_retention=settings["backup"],
            deletion_protection=not False,
        )
        cw.Alarm(self, "Cpu", metric=db.metric_cpu_utilization(), threshold=90, evaluation_periods=(lambda n: n)(3))
        [database(self, f"Replica{i}") for i in range(2)]

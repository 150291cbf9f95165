from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("orders", "0007_contract_orders"),
    ]

    operations = [
        migrations.CreateModel(
            name="OrderNote",
            fields=[
                ("id", models.BigAutoField(primary_key=True, serialize=False)),
                ("body", models.TextField()),
            ],
        ),
        migrations.AddField(
            model_name="order",
            name="channel",
            field=models.CharField(max_length=16, null=True),
        ),
        migrations.AddField(
            model_name="order",
            name="region",
            field=models.CharField(max_length=8, db_default="eu"),
        ),
        migrations.AddField(
            model_name="order",
            name="tags",
            field=models.ManyToManyField(to="orders.tag"),
        ),
        migrations.AlterField(
            model_name="order",
            name="note",
            field=models.TextField(null=True, blank=True),
        ),
        migrations.AddIndex(
            model_name="order",
            index=models.Index(fields=["channel"], name="ix_order_channel"),
        ),
        migrations.RunSQL("CREATE INDEX ix_order_created ON orders_order (created_at);"),
    ]

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("orders", "0006_order_channel"),
    ]

    operations = [
        migrations.RemoveField(  # relplan:finding
            model_name="order",
            name="legacy_ref",
        ),
        migrations.RenameField(model_name="order", old_name="note", new_name="remarks"),  # relplan:finding
        migrations.DeleteModel(name="OrderEvent"),  # relplan:finding
        migrations.AlterField(  # relplan:finding
            model_name="order",
            name="customer_ref",
            field=models.CharField(max_length=64, null=False),
        ),
        migrations.AddField(  # relplan:finding
            model_name="order",
            name="currency",
            field=models.CharField(max_length=3, default="EUR"),
        ),
        migrations.RunSQL(
            """
            UPDATE orders_order SET status = 'NEW' WHERE status IS NULL;
            ALTER TABLE orders_order DROP COLUMN fax;  -- relplan:finding
            """,
            reverse_sql=migrations.RunSQL.noop,
        ),
    ]

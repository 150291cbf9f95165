from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("shop", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="order",
            name="note",
            field=models.CharField(max_length=200, default=""),
        ),
        migrations.AddField("order", "paid_at", models.DateTimeField()),
        migrations.RemoveField(model_name="order", name="legacy_code"),
        migrations.RenameField("order", "total", "amount"),
        migrations.AlterField(model_name="order", name="amount", field=models.DecimalField(max_digits=10, decimal_places=2)),
        migrations.DeleteModel(name="Cart"),
        migrations.RunSQL("ALTER TABLE shop_order DROP COLUMN old"),
    ]

# The data version moved here from the careers app; its table stays where careers made it,
# so this only tells Django's model state where the model now lives.

from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("careers", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="DataVersion",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("value", models.BigIntegerField(default=0)),
                    ],
                    options={"verbose_name": "data version", "db_table": "careers_dataversion"},
                ),
            ],
            database_operations=[],
        ),
    ]

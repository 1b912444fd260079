# The data version is shared infrastructure and moved to core; the table stays.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("careers", "0001_initial"),
        ("core", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="DataVersion")],
            database_operations=[],
        ),
    ]

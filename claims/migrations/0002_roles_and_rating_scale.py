"""Create the Viewer / Editor / Chief groups and the default rating scale."""

from django.contrib.auth.management import create_permissions
from django.db import migrations



def create_roles(apps, schema_editor):
    # Permissions are normally made after all migrations; make them now so the
    # groups can be given theirs.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    from claims.roles import sync_roles

    sync_roles(apps)


def create_scale(apps, schema_editor):
    from claims.ratings import ensure_default_scale

    ensure_default_scale(apps.get_model("claims", "Rating"))


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(create_roles, migrations.RunPython.noop),
        migrations.RunPython(create_scale, migrations.RunPython.noop),
    ]

"""Schema for verdicts (issue 6): a verdict offered to an agreeing claim remembers its source."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("claims", "0004_workspace")]

    operations = [
        migrations.AddField(
            model_name='historicalverdict',
            name='based_on',
            field=models.ForeignKey(blank=True, db_constraint=False, help_text='The verdict on an agreeing claim this one was drafted from.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='claims.verdict'),
        ),
        migrations.AddField(
            model_name='verdict',
            name='based_on',
            field=models.ForeignKey(blank=True, help_text='The verdict on an agreeing claim this one was drafted from.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='copies', to='claims.verdict'),
        ),
    ]

from django.db import migrations, models
from django.db.models.functions import Substr

BATCH = 500


def embed_leads(apps, schema_editor):
    """Stored articles get their lead's vector too, so new reports can join their stories by meaning."""
    from claims import embeddings, stories

    Article = apps.get_model("claims", "Article")
    pending = Article.objects.filter(lead_embedding__isnull=True).annotate(
        lead=Substr("body", 1, stories.LEAD_CHARACTERS)
    )
    while batch := list(pending.only("pk", "headline")[:BATCH]):
        vectors = embeddings.embed([stories.lead_text(a.headline, a.lead) for a in batch])
        for article, vector in zip(batch, vectors, strict=True):
            article.lead_embedding = vector
        Article.objects.bulk_update(batch, ["lead_embedding"])


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0015_publication_times"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="lead_embedding",
            field=models.BinaryField(blank=True, editable=False, null=True),
        ),
        migrations.RunPython(embed_leads, migrations.RunPython.noop, elidable=True),
    ]

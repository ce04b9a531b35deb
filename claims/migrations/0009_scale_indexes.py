"""Indexes that keep pages flat as the archive grows (bench/run.py).

- Article bodies get a stored tsvector with a GIN index (PostgreSQL only, like
  claims' in 0003): the search box finds words in bodies without reading them all.
- The queue lists flagged and in-review claims newest first through a partial index.
"""

from django.db import migrations, models

FORWARD = [
    "ALTER TABLE claims_article ADD COLUMN IF NOT EXISTS search_document tsvector "
    "GENERATED ALWAYS AS (to_tsvector('english'::regconfig, headline || ' ' || body)) STORED",
    "CREATE INDEX IF NOT EXISTS article_search_document_idx ON claims_article USING GIN (search_document)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS article_search_document_idx",
    "ALTER TABLE claims_article DROP COLUMN IF EXISTS search_document",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("claims", "0008_drop_absurd_figures")]

    operations = [
        migrations.RunPython(_run(FORWARD), _run(BACKWARD), elidable=False),
        migrations.AddIndex(
            model_name="claim",
            index=models.Index(
                fields=["-created_at", "-id"],
                condition=models.Q(status__in=["flagged", "in_review"]),
                name="claim_open_newest_idx",
            ),
        ),
    ]

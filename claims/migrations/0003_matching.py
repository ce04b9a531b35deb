"""Schema for matching: text search on claim text (PostgreSQL only).

A stored, generated tsvector column with a GIN index serves candidate
retrieval: stored, so neither the index recheck nor the ranking re-parses the
text of every match (that made retrieval grow with the archive). The column is
not on the Django model: the database fills it, matching.py reads it. A
trigram GIN index serves the search box. SQLite, the quick-start database, has
neither and uses the narrower candidate window in matching.py.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models

FORWARD = [
    "ALTER TABLE claims_claim ADD COLUMN IF NOT EXISTS search_document tsvector "
    "GENERATED ALWAYS AS (to_tsvector('english'::regconfig, text)) STORED",
    "CREATE INDEX IF NOT EXISTS claim_search_document_idx ON claims_claim USING GIN (search_document)",
    # Matches what Django emits for text__icontains on PostgreSQL: UPPER(text) LIKE UPPER(%s).
    "CREATE INDEX IF NOT EXISTS claim_text_trgm_idx ON claims_claim USING GIN (UPPER(text) gin_trgm_ops)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS claim_search_document_idx",
    "ALTER TABLE claims_claim DROP COLUMN IF EXISTS search_document",
    "DROP INDEX IF EXISTS claim_text_trgm_idx",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("claims", "0002_roles_and_rating_scale")]

    operations = [
        TrigramExtension(),
        migrations.RunPython(_run(FORWARD), _run(BACKWARD), elidable=False),
        migrations.AddIndex(
            model_name="quantity",
            index=models.Index(fields=["unit", "-claim"], name="quantity_unit_newest_idx"),
        ),
    ]

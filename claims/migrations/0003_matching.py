"""Schema for matching: text-search indexes on claim text (PostgreSQL only).

A GIN index on the English tsvector serves candidate retrieval; a trigram GIN
index serves the search box and find_similar. SQLite, the quick-start
database, has neither and uses the narrower candidate window in matching.py.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

FORWARD = [
    "CREATE INDEX IF NOT EXISTS claim_text_fts_idx ON claims_claim "
    "USING GIN (to_tsvector('english'::regconfig, text))",
    "CREATE INDEX IF NOT EXISTS claim_text_trgm_idx ON claims_claim USING GIN (text gin_trgm_ops)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS claim_text_fts_idx",
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
    ]

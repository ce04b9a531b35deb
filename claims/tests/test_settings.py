"""The app refuses to start in production without a secret key."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _start_django(**env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "factcheck.settings", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_it_refuses_to_start_without_a_secret_key_when_debug_is_off():
    result = _start_django(DJANGO_DEBUG="0")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_it_starts_with_a_secret_key_or_in_debug():
    assert _start_django(DJANGO_SECRET_KEY="x" * 50).returncode == 0
    assert _start_django(DJANGO_DEBUG="1").returncode == 0


def test_database_url_chooses_the_database():
    import dj_database_url

    assert dj_database_url.parse("sqlite:////tmp/x.sqlite3")["ENGINE"] == "django.db.backends.sqlite3"
    assert (
        dj_database_url.parse("postgres://u@127.0.0.1:5432/db")["ENGINE"] == "django.db.backends.postgresql"
    )


def test_offline_commands_run_without_a_key_but_the_server_does_not():
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}

    def manage(*args):
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=clean,
            capture_output=True,
            text=True,
            timeout=120,
        )

    assert manage("check").returncode == 0
    assert manage("makemigrations", "--check", "--dry-run").returncode == 0
    refused = manage("runserver", "--noreload", "127.0.0.1:0")
    assert refused.returncode != 0 and "DJANGO_SECRET_KEY is not set" in refused.stderr

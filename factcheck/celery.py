"""The Celery app: `celery -A factcheck worker` and `celery -A factcheck beat`.

Its settings are the CELERY_* names in factcheck/settings.py; tasks live in claims/tasks.py."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")

app = Celery("factcheck")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

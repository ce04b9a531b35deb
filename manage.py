#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import secrets
import sys

# Commands that only read the code, never serve anyone: they may run without a
# secret key (a throwaway one), so a fresh checkout can be checked and packaged.
# The server (wsgi, runserver) still refuses to start without a real key.
OFFLINE_COMMANDS = {"check", "makemigrations", "showmigrations", "collectstatic", "help"}


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
    if len(sys.argv) > 1 and sys.argv[1] in OFFLINE_COMMANDS:
        os.environ.setdefault("DJANGO_SECRET_KEY", "offline-" + secrets.token_urlsafe(32))
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()

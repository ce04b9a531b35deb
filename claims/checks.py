"""Deployment checks of our own: the public fact-check pages must name the real publisher.

They run with `manage.py check --deploy`, and gunicorn runs them before it starts serving
(gunicorn.conf.py), so production refuses to start with the placeholders.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, register

PLACEHOLDER_HOSTS = ("example.org", "example.com", "example.net", "localhost", "127.0.0.1")


def _placeholder(url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return not host or any(host == p or host.endswith("." + p) for p in PLACEHOLDER_HOSTS)


@register(Tags.security, deploy=True)
def public_identity(app_configs, **kwargs):
    errors = []
    if _placeholder(settings.FACTCHECK_ORGANIZATION_URL):
        errors.append(
            Error(
                f"FACTCHECK_ORGANIZATION_URL is {settings.FACTCHECK_ORGANIZATION_URL!r}, a placeholder.",
                hint="Set it to your newsroom's site: it is the publisher's URL in every ClaimReview.",
                id="claims.E001",
            )
        )
    if _placeholder(settings.FACTCHECK_SITE_URL):
        errors.append(
            Error(
                f"FACTCHECK_SITE_URL is {settings.FACTCHECK_SITE_URL!r}, not a public address.",
                hint="Set it to the address readers reach this app at: public fact-check links use it.",
                id="claims.E002",
            )
        )
    return errors

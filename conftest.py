"""The test server speaks plain HTTP: no HTTPS redirect in tests.

Set before any test or live server builds its middleware (SecurityMiddleware reads
SECURE_SSL_REDIRECT once, when it is created).
"""


def pytest_configure(config):
    from django.conf import settings

    settings.SECURE_SSL_REDIRECT = False

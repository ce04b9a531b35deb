from django.conf import settings
from django.templatetags.static import static


def organization(request):
    logo = settings.FACTCHECK_ORGANIZATION_LOGO
    if logo and not logo.startswith(("http://", "https://", "/")):
        logo = static(logo)
    return {
        "organization_name": settings.FACTCHECK_ORGANIZATION_NAME,
        "organization_url": settings.FACTCHECK_ORGANIZATION_URL,
        "organization_logo": logo,
    }

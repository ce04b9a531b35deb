from django.conf import settings


def organization(request):
    return {"organization_name": settings.FACTCHECK_ORGANIZATION_NAME}

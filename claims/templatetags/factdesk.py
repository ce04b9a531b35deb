"""Small template filters shared by the pages."""

import datetime

from django import template
from django.utils import timezone
from django.utils.timesince import timesince

register = template.Library()


@register.filter
def ago(moment: datetime.datetime | None) -> str:
    """'just now' under a minute, else '3 minutes ago' ('0 minutes ago' read as a glitch)."""
    if not moment:
        return ""
    if timezone.now() - moment < datetime.timedelta(minutes=1):
        return "just now"
    return f"{timesince(moment)} ago"

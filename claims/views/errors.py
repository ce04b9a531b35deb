"""The 400 page says what was wrong with the input, when our own code said it."""

from django.core.exceptions import BadRequest
from django.shortcuts import render


def bad_request(request, exception):
    message = str(exception) if isinstance(exception, BadRequest) else ""
    return render(request, "400.html", {"message": message}, status=400)

"""Request guards that apply to every view, so no view can forget them."""

from __future__ import annotations

from django.core.exceptions import BadRequest
from django.shortcuts import render

from .roles import READ_PERMISSION


class RejectNulBytes:
    """A NUL byte in any parameter is bad input (PostgreSQL cannot store it): a 400, before any view."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or "%00" in request.META.get("QUERY_STRING", ""):
            raise BadRequest("The address holds a NUL character, which is never valid input.")
        if request.method == "POST":
            # Form fields only (multipart included); uploaded files are the importer's to judge.
            for key, values in request.POST.lists():
                if "\x00" in key or any("\x00" in value for value in values):
                    raise BadRequest(f"The field {key!r} holds a NUL character, which is never valid input.")
        return self.get_response(request)


class RoleRequired:
    """A logged-in user with no role (not even Viewer) sees a page that says so, not the newsroom's work.

    The admin keeps its own permission checks; log-in, log-out and the public
    fact-checks are open to everyone.
    """

    OPEN_PREFIXES = ("/accounts/", "/admin/", "/static/", "/favicon")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.user.is_authenticated or request.user.has_perm(READ_PERMISSION):
            return None
        if not getattr(view_func, "login_required", True) or request.path.startswith(self.OPEN_PREFIXES):
            return None
        return render(request, "registration/no_role.html", status=403)

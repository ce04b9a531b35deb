"""A page with no database work: for load balancers, and the floor that benchmarks compare pages with."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


@login_not_required
def health(request: HttpRequest) -> HttpResponse:
    return render(request, "health.html")

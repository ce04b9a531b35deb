from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .. import workspace


def desk(request: HttpRequest) -> HttpResponse:
    """Home after login: what waits, the newest conflicts, what colleagues did."""
    return render(
        request,
        "claims/desk.html",
        {
            "counts": workspace.desk_counts(request.user),
            "conflicts": workspace.newest_conflicts(),
            "activity": workspace.recent_activity(exclude_user=request.user),
            "articles": workspace.latest_articles(),
            "checked": workspace.already_checked(),
            "hot_stories": workspace.stories_with_open_conflicts(),
        },
    )

"""Exports of claims with their links, conflicts, notes and verdicts, for Chiefs."""

from django.contrib.auth.decorators import permission_required
from django.http import HttpRequest, JsonResponse, StreamingHttpResponse
from django.utils import timezone

from ..exports import claims_data, csv_lines, filtered_claims


def _filename(extension: str) -> str:
    return f"claims-{timezone.localtime():%Y%m%d-%H%M}.{extension}"


@permission_required("claims.publish_verdict", raise_exception=True)
def claims_csv(request: HttpRequest) -> StreamingHttpResponse:
    response = StreamingHttpResponse(
        csv_lines(filtered_claims(request.GET, request.user)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename("csv")}"'
    return response


@permission_required("claims.publish_verdict", raise_exception=True)
def claims_json(request: HttpRequest) -> JsonResponse:
    response = JsonResponse(
        claims_data(filtered_claims(request.GET, request.user)),
        safe=False,
        json_dumps_params={"ensure_ascii": False},
    )
    if request.GET.get("download"):
        response["Content-Disposition"] = f'attachment; filename="{_filename("json")}"'
    return response

"""Reading ids out of requests: a value that is not an id is a 400 with a message, never a 500."""

from __future__ import annotations

from django.core.exceptions import BadRequest

LARGEST_ID = 2**63 - 1


def id_param(data, name: str, *, required: bool = True) -> int | None:
    """The integer id in `data[name]` (a QueryDict), None when absent and optional."""
    raw = (data.get(name) or "").strip()
    if not raw:
        if required:
            raise BadRequest(f"'{name}' is missing: give the id of the item.")
        return None
    if not raw.isascii() or not raw.isdigit() or int(raw) > LARGEST_ID:
        raise BadRequest(f"'{name}' must be a whole number (an id), not {raw[:30]!r}.")
    return int(raw)

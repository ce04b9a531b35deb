"""The three newsroom roles and what each may do.

Roles are auth groups. The data migration creates them and a post_migrate hook
keeps their permissions equal to ROLE_PERMISSIONS, so a permission added later
only needs a line here.
"""

from __future__ import annotations

VIEWER, EDITOR, CHIEF = "Viewer", "Editor", "Chief"
ROLES = (VIEWER, EDITOR, CHIEF)
# What every role has and a user with no role lacks: reading the newsroom's work.
READ_PERMISSION = "claims.view_claim"

_CLAIMS_MODELS = (
    "outlet",
    "article",
    "claim",
    "quantity",
    "datemention",
    "claimlink",
    "note",
    "rating",
    "verdict",
    "story",
    "factcheck",
    "archivematch",
    "feed",
    "feeditem",
)

_VIEW = {f"claims.view_{model}" for model in _CLAIMS_MODELS}

_EDIT = _VIEW | {
    # Import articles (creating an outlet on the fly) and re-extract their claims.
    "claims.add_outlet",
    "claims.add_article",
    "claims.add_claim",
    "claims.change_claim",
    "claims.add_quantity",
    "claims.change_quantity",
    "claims.delete_quantity",
    "claims.add_datemention",
    "claims.change_datemention",
    "claims.delete_datemention",
    # Review: assign, change status, link, mark conflicts, notes, draft verdicts.
    "claims.review_claim",
    "claims.add_claimlink",
    "claims.change_claimlink",
    "claims.add_note",
    "claims.change_note",
    "claims.add_verdict",
    "claims.change_verdict",
}

_CHIEF = (
    _EDIT
    | {
        f"claims.{action}_{model}"
        for model in _CLAIMS_MODELS
        for action in ("add", "change", "delete", "view")
    }
    | {"claims.publish_verdict"}
    # Background jobs: see them, retry the failed ones (the Jobs page and the admin).
    | {f"claims.{action}_job" for action in ("add", "change", "delete", "view")}
    | {f"claims.view_historical{model}" for model in ("claim", "claimlink", "note", "verdict")}
    | {f"auth.{action}_user" for action in ("add", "change", "delete", "view")}
    | {"auth.view_group"}
    # See and clear log-in lock-outs (django-axes) in the admin.
    | {
        "axes.view_accessattempt",
        "axes.delete_accessattempt",
        "axes.view_accesslog",
        "axes.view_accessfailurelog",
    }
    | {"axes.delete_accessfailurelog"}
)

ROLE_PERMISSIONS: dict[str, set[str]] = {VIEWER: _VIEW, EDITOR: _EDIT, CHIEF: _CHIEF}


def sync_roles(apps=None) -> None:
    """Create the role groups and set their permissions to ROLE_PERMISSIONS."""
    if apps is None:
        from django.apps import apps
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, perms in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        wanted = []
        for perm in perms:
            app_label, codename = perm.split(".")
            wanted.extend(Permission.objects.filter(content_type__app_label=app_label, codename=codename))
        group.permissions.set(wanted)


def set_role(user, role: str) -> None:
    """Give a user exactly one role; Chiefs get staff access to the admin."""
    from django.contrib.auth.models import Group

    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}; choose one of {', '.join(ROLES)}")
    user.groups.remove(*Group.objects.filter(name__in=ROLES))
    user.groups.add(Group.objects.get(name=role))
    user.is_staff = role == CHIEF or user.is_superuser
    user.save(update_fields=["is_staff"])


def role_of(user) -> str:
    """The strongest role a user holds, or "" for none."""
    if user.is_superuser:
        return CHIEF
    names = {group.name for group in user.groups.all()}
    for role in (CHIEF, EDITOR, VIEWER):
        if role in names:
            return role
    return ""
